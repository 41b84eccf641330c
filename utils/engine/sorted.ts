// The one binary search over ascending starts (of runs, text nodes, actors' aliases): which span a position
// falls in. No imports: the engine's tables and the page's text index both use it.

/** The last index whose value is at most `x` in ascending `sorted` (0 when `x` is below them all, or it is empty). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
