// The modules that depend on layout, in real Chromium (happy-dom has no layout, no caret-from-point and no
// Highlight API): the mention under a point (hit-test.ts, mention-index.ts), the viewport's blocks
// (viewport.ts), the card's placement (utils/card/placement.ts), scrolling to a mention (mention-cursor.ts)
// and CSS highlights (highlights.ts). The modules are bundled from source (tests/e2e/layout/entry.ts) into a
// plain page: no extension, so each module's geometry is checked on its own.
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineCss } from '../../scripts/esbuild-inline-css';
import { launchChromium, type ExtensionBrowser } from './harness';
import type { Layout } from './layout/entry';

declare const factlensLayout: Layout;

let browser: ExtensionBrowser;
let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'layout/entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    plugins: [inlineCss],
    logLevel: 'warning',
  });
  bundle = result.outputFiles[0]!.text;
  browser = await launchChromium({ withoutExtension: true, viewport: { width: 800, height: 600 } });
});
afterAll(async () => {
  await browser?.close();
});

async function pageWith(body: string, css = ''): Promise<Page> {
  const page = await browser.page();
  await page.setContent(`<!doctype html><html><head><style>body { margin: 0; font: 16px/24px sans-serif; } ${css}</style></head><body>${body}</body></html>`);
  await page.addScriptTag({ content: bundle });
  return page;
}

describe('hit-test: the mention under a point', () => {
  it('finds a mention that spans elements from any point on its text, and nothing beside it', async () => {
    const page = await pageWith('<p style="margin: 40px">Forces of Khalifa <b>Haftar</b> moved near Idlib</p>');
    const result = await page.evaluate(async () => {
      const { index } = await factlensLayout.scanPage();
      const haftar = index.ofActor('haftar')[0]!;
      const rects = [...haftar.toRange().getClientRects()];
      const inside = rects.map((r) => index.at(r.left + r.width / 2, r.top + r.height / 2)?.actorId ?? null);
      const whole = haftar.toRange().getBoundingClientRect();
      const caret = factlensLayout.caretAt(document, whole.left + 2, whole.top + whole.height / 2);
      return {
        rects: rects.length,
        inside,
        caretText: caret?.node.textContent ?? null,
        leftOfIt: index.at(whole.left - 30, whole.top + whole.height / 2)?.actorId ?? null,
        belowIt: index.at(whole.left + 5, whole.bottom + 40)?.actorId ?? null,
        idlib: (() => {
          const r = index.ofActor('idlib')[0]!.toRange().getBoundingClientRect();
          return index.at(r.right - 1, r.top + r.height / 2)?.actorId ?? null;
        })(),
        // Past the end of the line the caret sits at Idlib's end: only its painted box can tell.
        pastLineEnd: (() => {
          const r = index.ofActor('idlib')[0]!.toRange().getBoundingClientRect();
          const caret = factlensLayout.caretAt(document, r.right + 150, r.top + r.height / 2);
          return { caretAtEnd: caret?.offset === caret?.node.textContent?.length, at: index.at(r.right + 150, r.top + r.height / 2)?.actorId ?? null };
        })(),
      };
    });
    expect(result.rects).toBeGreaterThanOrEqual(2); // "Khalifa " and <b>Haftar</b>
    expect(result.inside.every((id) => id === 'haftar')).toBe(true);
    expect(result.caretText).toContain('Khalifa');
    expect(result.leftOfIt).toBeNull();
    expect(result.belowIt).toBeNull();
    expect(result.idlib).toBe('idlib');
    expect(result.pastLineEnd).toEqual({ caretAtEnd: true, at: null });
    await page.close();
  });
});

describe('viewport region', () => {
  const paragraphs = Array.from({ length: 120 }, (_, i) => `<p id="p${i}" style="margin: 0; height: 48px">Paragraph ${i} about Syria.</p>`).join('');

  it('is null at the top of the page', async () => {
    const page = await pageWith(paragraphs);
    expect(await page.evaluate(() => factlensLayout.viewportRegion(document))).toBeNull();
    await page.close();
  });

  it('spans the blocks from the viewport top to its bottom, passing over a fixed header', async () => {
    const page = await pageWith(
      `<header style="position: fixed; top: 0; left: 0; right: 0; height: 60px; background: #fff"><div>Syria header</div></header>${paragraphs}`,
    );
    const result = await page.evaluate(() => {
      window.scrollTo(0, 48 * 50);
      const region = factlensLayout.viewportRegion(document)!;
      const lastRead = region.until?.previousSibling as Element | null;
      return {
        from: region.from.id,
        fromTop: region.from.getBoundingClientRect().top,
        fromBottom: region.from.getBoundingClientRect().bottom,
        last: lastRead?.id ?? null,
        lastTop: lastRead?.getBoundingClientRect().top ?? null,
        lastBottom: lastRead?.getBoundingClientRect().bottom ?? null,
        height: window.innerHeight,
      };
    });
    // The fixed header covers the top 60px: the probe at 5% of the height (30px) falls back to the middle.
    expect(result.from).toMatch(/^p\d+$/);
    expect(result.fromTop).toBeLessThanOrEqual(result.height / 2);
    expect(result.fromBottom).toBeGreaterThan(0);
    expect(result.last).toMatch(/^p\d+$/);
    expect(result.lastTop!).toBeLessThanOrEqual(result.height * 0.95);
    expect(result.lastBottom!).toBeGreaterThanOrEqual(result.height * 0.95);
    await page.close();
  });
});

describe('card placement', () => {
  async function place(page: Page, top: number) {
    return page.evaluate(async (top) => {
      const p = document.querySelector('p')!;
      p.style.marginTop = `${top}px`;
      const range = document.createRange();
      range.selectNodeContents(p.querySelector('span')!);
      const floating = document.createElement('div');
      floating.style.cssText = 'position: fixed; top: 0; left: 0; width: 240px; height: 150px; background: #eee';
      document.body.append(floating);
      let hidden = 0;
      const stop = factlensLayout.placeNextTo(factlensLayout.rangeReference(range), floating, { onReferenceHidden: () => hidden++ });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const m = range.getBoundingClientRect();
      const f = floating.getBoundingClientRect();
      window.scrollTo(0, 3000);
      await new Promise((r) => setTimeout(r, 100));
      stop();
      floating.remove();
      window.scrollTo(0, 0);
      return { mention: { top: m.top, bottom: m.bottom, left: m.left }, floating: { top: f.top, bottom: f.bottom, left: f.left, right: f.right }, hidden, width: innerWidth, height: innerHeight };
    }, top);
  }
  const body = '<p style="margin-left: 300px">Forces of <span>Khalifa Haftar</span> moved.</p><div style="height: 4000px"></div>';

  it('goes below the mention, inside the viewport, and says when the mention scrolls out of view', async () => {
    const page = await pageWith(body);
    const r = await place(page, 100);
    expect(r.floating.top).toBeGreaterThanOrEqual(r.mention.bottom);
    expect(r.floating.top - r.mention.bottom).toBeLessThan(20);
    expect(Math.abs(r.floating.left - r.mention.left)).toBeLessThan(2);
    expect(r.floating.right).toBeLessThanOrEqual(r.width);
    expect(r.hidden).toBeGreaterThan(0);
    await page.close();
  });

  it('flips above a mention near the bottom of the viewport', async () => {
    const page = await pageWith(body);
    const r = await place(page, 520);
    expect(r.floating.bottom).toBeLessThanOrEqual(r.mention.top);
    expect(r.floating.top).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('scrolling to a mention', () => {
  it("'if-hidden' leaves a mention in view alone and brings one out of view to the middle; 'centre' always centres", async () => {
    const page = await pageWith('<p id="near">Syria near.</p><div style="height: 3000px"></div><p id="far">Idlib far.</p><div style="height: 3000px"></div>');
    const r = await page.evaluate(() => {
      const rangeOf = (id: string) => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(id)!.firstChild!);
        return range;
      };
      factlensLayout.scrollToMention(rangeOf('near'), 'if-hidden');
      const afterNear = scrollY;
      factlensLayout.scrollToMention(rangeOf('far'), 'if-hidden');
      const far = rangeOf('far').getBoundingClientRect();
      const farMiddle = (far.top + far.bottom) / 2;
      window.scrollTo(0, 0);
      factlensLayout.scrollToMention(rangeOf('near'), 'centre');
      return { afterNear, farMiddle, height: innerHeight, nearCentredScroll: scrollY };
    });
    expect(r.afterNear).toBe(0);
    expect(Math.abs(r.farMiddle - r.height / 2)).toBeLessThan(30);
    // The first paragraph cannot come to the middle: the page is at its top already.
    expect(r.nearCentredScroll).toBe(0);
    await page.close();
  });
});

describe('CSS highlights', () => {
  it('registers each look under its highlight name with one range per mention, and clears them', async () => {
    const page = await pageWith('<p>Syria and Idlib, then Syria again.</p>');
    const r = await page.evaluate(async () => {
      const { index } = await factlensLayout.scanPage();
      const painter = new factlensLayout.HighlightPainter(window);
      painter.paint(index.all(), factlensLayout.settings);
      const variant = factlensLayout.variantOf(factlensLayout.settings);
      const stateName = factlensLayout.highlightName(variant, factlensLayout.settings.colours.state, 'state');
      const painted = { total: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0), state: CSS.highlights.get(stateName)?.size ?? 0 };
      painter.clear();
      const cleared = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      return { painted, cleared, texts: document.body.innerHTML };
    });
    expect(r.painted).toEqual({ total: 3, state: 2 });
    expect(r.cleared).toBe(0);
    expect(r.texts).toBe('<p>Syria and Idlib, then Syria again.</p>');
    await page.close();
  });
});

describe('stale card hosts (utils/card/host.ts)', () => {
  it('removes the undefined factlens-card hosts an earlier copy left, and nothing else (:defined needs a real browser)', async () => {
    const page = await pageWith('<main><p>text</p><div id="fs"></div></main>');
    const left = await page.evaluate(() => {
      const tag = factlensLayout.HOST_TAG;
      customElements.define(`${tag}-page`, class extends HTMLElement {});
      document.querySelector('main')!.prepend(document.createElement(tag));
      document.getElementById('fs')!.append(document.createElement(`${tag}-2`));
      document.body.append(document.createElement(`${tag}-page`), document.createElement('other-widget'));
      factlensLayout.removeStaleHosts(document);
      return [...document.body.querySelectorAll('*')].map((el) => el.localName);
    });
    expect(left).toEqual(['main', 'p', 'div', 'factlens-card-page', 'other-widget']);
    await page.close();
  });
});
