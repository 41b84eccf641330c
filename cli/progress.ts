// Progress of a long scan on standard error, only when it is a terminal (a pipe or a log gets none): pages
// done, pages per second and the time left, estimated from the share of the input bytes read so far.
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** A page (or an input that failed, or one left to another shard) is done; `bytes` of the inputs it covered. */
  done(bytes: number, page: boolean): void;
  /** Clears the line (before an error message, and at the end). */
  clear(): void;
  end(): void;
}

/** "1,234 pages · 56.7 pages/s · 0:42 left" */
export function progressLine(pages: number, seconds: number, bytesDone: number, bytesTotal: number): string {
  const rate = seconds > 0 ? pages / seconds : 0;
  let left = '';
  if (bytesDone > 0 && bytesTotal > bytesDone) {
    const rest = Math.round((seconds * (bytesTotal - bytesDone)) / bytesDone);
    left = ` \u00b7 ${Math.floor(rest / 60)}:${String(rest % 60).padStart(2, '0')} left`;
  }
  return `${pages.toLocaleString('en-US')} page${pages === 1 ? '' : 's'} \u00b7 ${rate.toFixed(1)} pages/s${left}`;
}

export function createProgress(sink: ProgressSink, bytesTotal: number, now: () => number = () => performance.now()): Progress {
  if (!sink.isTTY) return { done: () => {}, clear: () => {}, end: () => {} };
  const started = now();
  let pages = 0;
  let bytes = 0;
  let last = 0;
  let shown = false;
  const show = () => {
    sink.write(`\r\x1b[2K${progressLine(pages, (now() - started) / 1000, bytes, bytesTotal)}`);
    shown = true;
  };
  return {
    done(b, page) {
      bytes += b;
      if (page) pages++;
      // At most ten redraws a second.
      if (now() - last >= 100) {
        last = now();
        show();
      }
    },
    clear() {
      if (shown) sink.write('\r\x1b[2K');
      shown = false;
    },
    end() {
      show();
      sink.write('\n');
    },
  };
}
