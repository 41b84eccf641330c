// User Timing measures of Factlens's own work (scan, mark), read by the benchmarks and the browser tests.

let measureCount = 0;

/** Records a User Timing measure from `start` to now; keeps the timeline from growing without end. */
export function measure(name: string, start: number, detail?: Record<string, number>): void {
  try {
    if (++measureCount > 500) {
      performance.clearMeasures(name);
      measureCount = 0;
    }
    performance.measure(name, { start, end: performance.now(), detail });
  } catch {
    /* User Timing missing or restricted: measuring is optional */
  }
}
