// Document order across open shadow trees, for keeping the scanner's blocks sorted as mutations add them.

/** Document order across open shadow trees: content of a shadow root follows its host's start. */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const chainOf = (n: Node) => {
    const chain: Node[] = [n];
    for (let root = n.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host; ) {
      const host = (root as ShadowRoot).host;
      chain.push(host);
      root = host.getRootNode();
    }
    return chain;
  };
  const ca = chainOf(a);
  const cb = chainOf(b);
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i]!;
    const rootX = x.getRootNode();
    for (let j = 0; j < cb.length; j++) {
      const y = cb[j]!;
      if (y.getRootNode() !== rootX) continue;
      if (x === y) return i - j; // the one inside a shadow tree of the other comes after it
      const pos = x.compareDocumentPosition(y);
      if (pos & 4 /* FOLLOWING */) return -1;
      if (pos & 2 /* PRECEDING */) return 1;
      return 0;
    }
  }
  return 0;
}

/** Inserts into a sorted list, after any equal items. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
