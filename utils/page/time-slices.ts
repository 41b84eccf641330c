// Long work in slices that yield to the page between them (scheduler.yield where the browser has it).

type Scheduler = { yield?: () => Promise<void> };

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceHooks {
  /** Between slices, before yielding (the scanner tells its listener what the slice found). */
  afterSlice(): void;
  /** Checked after each yield: true ends the work. */
  cancelled(): boolean;
}

/**
 * Runs `step` (true when finished, false when it paused at `pause()`) in slices of about `sliceMs`. Returns
 * the slices' own work time and the longest slice, or null when cancelled meanwhile.
 */
export async function runSliced(
  step: (pause: () => boolean) => boolean,
  sliceMs: number,
  hooks: SliceHooks,
): Promise<{ workMs: number; longestSliceMs: number } | null> {
  let sliceStart = performance.now();
  const pause = () => performance.now() - sliceStart > sliceMs;
  let workMs = 0;
  let longestSliceMs = 0;
  for (;;) {
    const finished = step(pause);
    const slice = performance.now() - sliceStart;
    workMs += slice;
    longestSliceMs = Math.max(longestSliceMs, slice);
    if (finished) return { workMs, longestSliceMs };
    hooks.afterSlice();
    await yieldToPage();
    if (hooks.cancelled()) return null;
    sliceStart = performance.now();
  }
}
