// Bidirectional text in packs (issue 16, point 5), in Chromium and firefox-esr, through the fact-base page's
// own import: a pack holding a bidi override (U+202E) in a shown string is refused with the path of each
// fault and nothing is stored; an Arabic pack is stored, its strings read right to left beside the page's
// left-to-right chrome (dir="auto" / <bdi>), its names are marked on an Arabic page, and the card shows them
// isolated. (tests/unit/pack-bidi.test.ts has every control in every field; tests/dom/pack-strings-isolated
// every view.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { ElementHandle, Page as PpPage } from 'puppeteer-core';
import { launchChromium, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';
import { hasFirefox, launchFirefox, type FirefoxExtensionBrowser } from './firefox-harness';
import { CARD_DIALOG_JS, firstTextRect } from './hostile-helpers';

// Names the built-in base does not know (it has Arabic aliases of its own: روسيا is its Russia).
const ARTICLE = 'قال مجلس الأطلنطس إن نبتون زار جزيرة الأطلنطس. وأكد مجلس الأطلنطس أن نبتون سيعود إلى جزيرة الأطلنطس.';

function actor(id: string, name: string, kind: string, quote: string) {
  return {
    id,
    name,
    kind,
    identity: `${name} في المقال`,
    identityQuote: quote,
    aliases: [{ text: name, caseRule: 'proper', ambiguous: false, surname: false }],
    cues: { support: [], contrary: [] },
    givenNames: [],
    facts: [{ id: `${id}/0`, text: `ذكر المقال ${name}.`, quote, actors: [id], figures: [] }],
    related: [],
  };
}

/** A pack in Arabic: three actors of one story, every quote from its article. */
const ARABIC_PACK = {
  formatVersion: 1,
  source: { id: 'atlantis-ar', title: 'مقال عن الأطلنطس', period: 'ديسمبر ٢٠١٩', file: 'atlantis-ar.txt', note: 'اختبار', text: ARTICLE },
  actors: [
    actor('council-ar', 'مجلس الأطلنطس', 'organisation', 'قال مجلس الأطلنطس'),
    actor('neptune-ar', 'نبتون', 'person', 'نبتون زار جزيرة'),
    actor('island-ar', 'جزيرة الأطلنطس', 'place', 'سيعود إلى جزيرة الأطلنطس'),
  ],
};

/** The same pack with a right-to-left override in an actor's name: shown, it would reverse the line. */
const OVERRIDE_PACK = {
  ...ARABIC_PACK,
  source: { ...ARABIC_PACK.source, id: 'atlantis-override' },
  actors: [{ ...ARABIC_PACK.actors[0]!, name: 'Council \u202Elicnuoc' }, ...ARABIC_PACK.actors.slice(1)],
};

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>إدلب</title></head><body>
<article><p>${ARTICLE}</p><p>وقال نبتون إن مجلس الأطلنطس اجتمع في جزيرة الأطلنطس.</p></article></body></html>`;

/** What both browsers' pages answer, read in the page. */
interface Seen {
  errors: string[];
  listed: boolean;
  titleRtl: boolean;
  chromeLtr: boolean;
}

function readFactbasePage(): Seen {
  const errors = [...document.querySelectorAll('[data-testid="pack-errors"] li')].map((li) => li.textContent ?? '');
  const item = document.querySelector('[data-pack-id="atlantis-ar"]');
  const title = item?.querySelector('strong');
  return {
    errors,
    listed: !!item,
    titleRtl: !!title && title.getAttribute('dir') === 'auto' && title.matches(':dir(rtl)'),
    chromeLtr: document.querySelector('h1')!.matches(':dir(ltr)'),
  };
}

/** The open card's name and identity: isolated, right to left, inside the card's left-to-right dialog. */
function readCard(js: string): { name: string; nameRtl: boolean; identityRtl: boolean; dialogLtr: boolean } | null {
  const dialog = (0, eval)(js) as HTMLElement | null;
  if (!dialog) return null;
  const name = dialog.querySelector('.name') as HTMLElement | null;
  const identity = dialog.querySelector('.identity') as HTMLElement | null;
  return {
    name: name?.textContent ?? '',
    nameRtl: !!name && name.getAttribute('dir') === 'auto' && name.matches(':dir(rtl)'),
    identityRtl: !!identity && identity.matches(':dir(rtl)'),
    dialogLtr: dialog.matches(':dir(ltr)') && getComputedStyle(dialog).direction === 'ltr' && dialog.lang === 'en',
  };
}

const marks = () => {
  let n = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
  return n;
};

let server: FixtureServer;
let files: { override: string; arabic: string };

beforeAll(async () => {
  server = await serveFixtures({ '/arabic.html': PAGE });
  const dir = mkdtempSync(path.join(tmpdir(), 'factlens-bidi-'));
  files = { override: path.join(dir, 'override.json'), arabic: path.join(dir, 'arabic.json') };
  writeFileSync(files.override, JSON.stringify(OVERRIDE_PACK));
  writeFileSync(files.arabic, JSON.stringify(ARABIC_PACK));
});

afterAll(async () => {
  await server?.close();
});

describe('bidi text in packs (Chromium)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('refuses an override with its path, and an Arabic pack reads right in the fact-base page, on the page and in the card', async () => {
    const fb: PwPage = await ext.extensionPage('factbase.html');
    await fb.waitForSelector('[data-testid="pack-list"]');
    await fb.setInputFiles('[data-testid="pack-file"]', files.override);
    await fb.waitForSelector('[data-testid="pack-errors"] li');
    const refused = await fb.evaluate(readFactbasePage);
    expect(refused.errors.some((e) => e.startsWith('actors[council-ar].name'))).toBe(true);
    expect(refused.listed).toBe(false);
    expect(await ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get('packs'))['packs'] ?? null)).toBeNull();

    await fb.setInputFiles('[data-testid="pack-file"]', files.arabic);
    await fb.waitForSelector('[data-pack-id="atlantis-ar"]');
    const stored = await fb.evaluate(readFactbasePage);
    expect(stored.titleRtl).toBe(true);
    expect(stored.chromeLtr).toBe(true);

    const page = await ext.page();
    await page.goto(server.url('/arabic.html'));
    await page.waitForFunction(marks, undefined, { timeout: 15_000 });
    expect(await page.evaluate(marks)).toBeGreaterThanOrEqual(5);
    const at = (await page.evaluate(firstTextRect, { needle: 'نبتون', scroll: false }))!;
    await page.mouse.move(Math.max(1, at.x - 30), Math.max(1, at.y - 50));
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForFunction((js) => !!(0, eval)(js), CARD_DIALOG_JS, { timeout: 10_000 });
    const card = await page.evaluate(readCard, CARD_DIALOG_JS);
    expect(card).toEqual({ name: 'نبتون', nameRtl: true, identityRtl: true, dialogLtr: true });
    await page.close();
    await fb.close();
  }, 120_000);
});

declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };

describe.skipIf(!hasFirefox())('bidi text in packs (Firefox)', () => {
  let ff: FirefoxExtensionBrowser;
  beforeAll(async () => {
    ff = await launchFirefox();
  }, 90_000);
  afterAll(async () => {
    await ff?.close();
  });

  it('refuses an override with its path, and an Arabic pack reads right in the fact-base page, on the page and in the card', async () => {
    const fb: PpPage = await ff.extensionPage('factbase.html', '[data-testid="pack-list"]');
    const input = (await fb.$('input[data-testid="pack-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(files.override);
    await fb.waitForSelector('[data-testid="pack-errors"] li', { timeout: 10_000 });
    const refused = await fb.evaluate(readFactbasePage);
    expect(refused.errors.some((e) => e.startsWith('actors[council-ar].name'))).toBe(true);
    expect(refused.listed).toBe(false);

    await input.uploadFile(files.arabic);
    await fb.waitForSelector('[data-pack-id="atlantis-ar"]', { timeout: 10_000 });
    const stored = await fb.evaluate(readFactbasePage);
    expect(stored.titleRtl).toBe(true);
    expect(stored.chromeLtr).toBe(true);

    const page = await ff.page();
    await page.goto(server.url('/arabic.html'));
    await page.waitForFunction(marks, { timeout: 15_000, polling: 50 });
    expect(await page.evaluate(marks)).toBeGreaterThanOrEqual(5);
    const at = (await page.evaluate(firstTextRect, { needle: 'نبتون', scroll: false }))!;
    await page.mouse.move(Math.max(1, at.x - 30), Math.max(1, at.y - 50));
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForFunction((js: string) => !!(0, eval)(js), { timeout: 10_000, polling: 50 }, CARD_DIALOG_JS);
    const card = await page.evaluate(readCard, CARD_DIALOG_JS);
    expect(card).toEqual({ name: 'نبتون', nameRtl: true, identityRtl: true, dialogLtr: true });
    await page.close();
    await fb.close();
  }, 120_000);
});
