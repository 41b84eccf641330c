// Where the extension's fixed cost goes, for `npm run bench` (section "profile"): a V8 CPU profile (CDP
// Profiler, sampling every 100 µs) of one fresh load, with the samples whose stack holds a frame of the
// extension's scripts grouped by the extension's innermost function (self time of the extension's code and
// everything it calls: DOM, GC, builtins). Content scripts share the page's V8 isolate, so the page
// target's profiler sees them. A profile, not a measure: sampling adds overhead and misses short calls.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './lib/browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileResult {
  /** Sampled time with an extension frame on the stack, ms. */
  extensionMs: number;
  /** By the extension's innermost function on the stack, ms, largest first (0-based line and column). */
  byFunction: { fn: string; file: string; line: number; column: number; ms: number }[];
  /** By what ran at the top of the stack while an extension frame was below it (GC, DOM, builtins…). */
  byLeaf: { fn: string; ms: number }[];
}

export function analyseProfile(profile: Profile, base: string, top = 200): ProfileResult {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map<number, string | null>();
  const frames = new Map<string, { fn: string; file: string; line: number; column: number }>();
  const ownerOf = (id: number): string | null => {
    if (owner.has(id)) return owner.get(id)!;
    const n = byId.get(id)!;
    let r: string | null;
    if (n.callFrame.url.startsWith(base)) {
      const f = {
        fn: n.callFrame.functionName || '(anonymous)',
        file: n.callFrame.url.slice(base.length),
        line: n.callFrame.lineNumber,
        column: n.callFrame.columnNumber,
      };
      r = `${f.fn} ${f.file}:${f.line}:${f.column}`;
      frames.set(r, f);
    } else {
      const p = parent.get(id);
      r = p === undefined ? null : ownerOf(p);
    }
    owner.set(id, r);
    return r;
  };
  const fns = new Map<string, number>();
  const leaves = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const o = ownerOf(id);
    if (!o) return;
    total += dt;
    fns.set(o, (fns.get(o) ?? 0) + dt);
    const leaf = byId.get(id)!.callFrame;
    const name = leaf.url.startsWith(base) ? '(the extension\'s own JavaScript)' : leaf.functionName || `(${leaf.url ? 'anonymous' : 'native'})`;
    leaves.set(name, (leaves.get(name) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([fn, ms]) => ({ fn, ms })).sort((a, b) => b.ms - a.ms).slice(0, top);
  return {
    extensionMs: total,
    byFunction: sorted(fns).map(({ fn, ms }) => ({ ...frames.get(fn)!, ms })),
    byLeaf: sorted(leaves).slice(0, 15),
  };
}

/** One fresh load of `url` in `browser` (with the extension), profiled until `settledMs` after load. */
export async function profileLoad(browser: ExtensionBrowser, url: string, settledMs = 1500): Promise<ProfileResult> {
  const page: Page = await browser.page();
  try {
    await page.goto('about:blank');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(settledMs);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach().catch(() => undefined);
    return analyseProfile(profile, `chrome-extension://${browser.extensionId}/`);
  } finally {
    await page.close();
  }
}
