// Builds the card's fixture page (tests/fixtures/components/card-fixtures.tsx) into
// tests/fixtures/components/dist/, to open in any browser without the extension:
//   npx tsx scripts/card-fixtures.ts && open tests/fixtures/components/dist/index.html
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inlineCss } from './esbuild-inline-css';

const dir = path.resolve(import.meta.dirname, '../tests/fixtures/components');
const out = path.join(dir, 'dist');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Factlens card: component states</title>
<link rel="stylesheet" href="fixtures.css">
</head>
<body>
<h1>Factlens card: component states</h1>
<p class="hint">Each card is the real component in its own shadow root with the extension's stylesheet. The paragraph below
opens the real card controller: hover or click a dotted name, or press the button for a keyboard opening.</p>
<article id="live">
<p>The two sides also discussed Libya after Turkish President Tayyip Erdogan said last week his country would not remain
silent in the face of "mercenaries" such as the Russian-backed <span data-actor="wagner-group" data-evidence="mercenaries">Wagner</span>
group of private military contractors, supporting <span data-actor="haftar">Khalifa Haftar</span>'s forces there.
Nearly 80 civilians have been killed, according to the <span data-actor="sohr">Syrian Observatory for Human Rights</span>;
the <span data-actor="wagner-group">Wagner group</span> is named once more here.</p>
<button id="open-keyboard" type="button">Open the first card as from the keyboard</button> <output id="log"></output>
</article>
<div id="light" class="grid"></div>
<div id="dark" class="grid dark"></div>
<script src="card-fixtures.js"></script>
</body>
</html>
`;

const CSS = `body { margin: 0; padding: 24px; font: 15px/1.5 system-ui, sans-serif; background: #eef0f3; color: #222; }
h1 { font-size: 22px; margin: 0 0 8px; }
.hint { max-width: 760px; color: #555; }
#live { background: #fff; max-width: 760px; padding: 16px 20px; border-radius: 8px; margin: 16px 0 24px; font: 18px/1.6 Georgia, serif; }
#live [data-actor] { text-decoration: underline dotted #9c36b5 2px; text-underline-offset: 3px; }
#live button { font: 14px system-ui, sans-serif; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 24px; align-items: start; padding: 16px; border-radius: 10px; }
.grid.dark { background: #0f1116; margin-top: 24px; }
.state h2 { font-size: 13px; font-weight: 600; color: #555; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .05em; }
.dark .state h2 { color: #aab; }
`;

await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(dir, 'card-fixtures.tsx')],
  bundle: true,
  format: 'iife',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  target: 'es2022',
  outfile: path.join(out, 'card-fixtures.js'),
  logLevel: 'warning',
  plugins: [inlineCss],
});
await writeFile(path.join(out, 'index.html'), PAGE);
await writeFile(path.join(out, 'fixtures.css'), CSS);
console.log(`card fixtures: ${path.relative(process.cwd(), path.join(out, 'index.html'))}`);
