// Writes entrypoints/content/style.css, the content script's ::highlight() rules, from markStylesheet()
// (utils/page/mark-styles.ts), so the stylesheet the manifest declares is never edited by hand. Run before
// every build (package.json "prebuild"); tests/unit/content-style.test.ts checks the file is current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markStylesheet } from '../utils/page/mark-styles';

const CONTENT_CSS = path.resolve(import.meta.dirname, '../entrypoints/content/style.css');

const css = markStylesheet();
// Leave an unchanged file alone so watchers and builds are not retriggered for nothing.
if (!existsSync(CONTENT_CSS) || readFileSync(CONTENT_CSS, 'utf8') !== css) {
  writeFileSync(CONTENT_CSS, css);
  console.log(`content css: wrote ${path.relative(process.cwd(), CONTENT_CSS)}`);
}
