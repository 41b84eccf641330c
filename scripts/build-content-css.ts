// Writes entrypoints/content/style.css, the content script's ::highlight() rules, from markStylesheet()
// (scripts/lib/content-css.ts). Run on install and before every build (package.json "postinstall",
// "prebuild"); the file is git-ignored, tests/unit/content-style.test.ts checks what the generator writes.
import path from 'node:path';
import { CONTENT_CSS, writeContentCss } from './lib/content-css';

if (writeContentCss()) console.log(`content css: wrote ${path.relative(process.cwd(), CONTENT_CSS)}`);
