// Builds the React test page (tests/fixtures/react) for React 18 or 19 with esbuild: the server HTML
// (react-dom/server renderToString, run here in Node) and the page's client bundle (hydrateRoot).
// "react" and "react-dom" are mapped to the npm aliases react18/react-dom18 or react19/react-dom19.
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from './harness';

const DIR = path.join(REPO_ROOT, 'tests/fixtures/react');

export async function buildReactPage(version: 18 | 19): Promise<{ html: string; clientJs: string }> {
  const common = {
    bundle: true,
    write: false,
    jsx: 'automatic' as const,
    jsxImportSource: 'react',
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx' as const, jsxImportSource: 'react' } },
    alias: { react: `react${version}`, 'react-dom': `react-dom${version}` },
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [path.join(REPO_ROOT, 'node_modules')],
    logLevel: 'silent' as const,
  };
  const client = await build({ ...common, entryPoints: [path.join(DIR, 'client.jsx')], format: 'iife', platform: 'browser', minify: true });
  const serverEntry = `import { renderToString } from 'react-dom/server'; import { createElement } from 'react'; import { App } from ${JSON.stringify(path.join(DIR, 'app.jsx'))}; export const html = '<!doctype html>' + renderToString(createElement(App));`;
  const server = await build({ ...common, stdin: { contents: serverEntry, resolveDir: DIR, loader: 'tsx' }, format: 'cjs', platform: 'node' });
  const tmp = await mkdtemp(path.join(tmpdir(), 'factlens-react-'));
  try {
    const file = path.join(tmp, 'server.cjs');
    await writeFile(file, server.outputFiles![0]!.text);
    const { html } = createRequire(import.meta.url)(file) as { html: string };
    return { html, clientJs: client.outputFiles![0]!.text };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
