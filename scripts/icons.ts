// Rasterises assets/icon/factlens.svg into public/icon/{16,32,48,96,128}.png with the system's Chromium (no
// new dependency, nothing downloaded): each size is drawn by the browser from the vector, not scaled down
// from a bitmap, so small sizes stay crisp. Run `npx tsx scripts/icons.ts` after editing the SVG.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const executable = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
  (p): p is string => !!p && existsSync(p),
);
if (!executable) throw new Error("Chromium not found: install Debian's package or set CHROMIUM_PATH");

const svg = await readFile(path.join(ROOT, 'assets/icon/factlens.svg'), 'utf8');
const out = path.join(ROOT, 'public/icon');
await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: path.join(out, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
