// The side panel beside its page, for the README (docs/screenshots/panel.png): the page's tab and
// sidepanel.html?tab=N (the panel pinned to that tab) are shot one after the other, with a mention shown from
// the panel (scrolled to, flashed), and set side by side in one image as the browser shows them.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

const HEIGHT = 760;
const PAGE_WIDTH = 880;
const PANEL_WIDTH = 400;

/** Shoots `page` (already marked) with the panel beside it, the panel filtered to `actorId`, its n-th mention shown. */
export async function shootPanelBeside(ext: ExtensionBrowser, page: Page, file: string, actorId: string, nth = 2): Promise<void> {
  await page.setViewportSize({ width: PAGE_WIDTH, height: HEIGHT });
  const panel = await ext.extensionPage(`sidepanel.html?tab=${await ext.tabIdOf(page)}`);
  await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
  await panel.emulateMedia({ colorScheme: 'light' });
  await panel.waitForSelector('[data-testid="mention-list"] [role="option"]');
  await panel.selectOption('[data-testid="filter-actor"]', actorId);
  await panel.focus('[data-testid="mention-list"]');
  for (let i = 0; i < nth; i++) await panel.keyboard.press('ArrowDown');
  // The flash holds 1.5 s: shoot the page at once, then the panel (its current mention stays).
  await page.bringToFront();
  await page.waitForFunction(() => CSS.highlights.has('factlens-flash'), null, { timeout: 1000 });
  const pagePng = await page.screenshot();
  await panel.bringToFront();
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const panelPng = await panel.screenshot();
  const frame = await ext.page();
  await frame.setViewportSize({ width: PAGE_WIDTH + PANEL_WIDTH + 1, height: HEIGHT });
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await frame.setContent(
    `<body style="margin:0;display:flex;background:#c9ced6"><img src="${src(pagePng)}" width="${PAGE_WIDTH}" height="${HEIGHT}">` +
      `<div style="width:1px;background:#9aa1ab"></div><img src="${src(panelPng)}" width="${PANEL_WIDTH}" height="${HEIGHT}"></body>`,
  );
  await frame.screenshot({ path: file });
  await frame.close();
  await panel.close();
}
