import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** V8's explicit compile hint for a whole file: it must be the file's first line. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' };

// Factlens: the manifest asks for the fewest permissions. `storage` holds the user's settings and
// imported fact packs; the content script runs on http(s) pages only (see README, "Permissions").
export default defineConfig({
  // Tests and parallel work can build elsewhere: FACTLENS_OUT_DIR=.output-x npm run build
  outDir: process.env.FACTLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // The Firefox store's sources zip: the project, not what runs produced.
  zip: { excludeSources: ['demo-output/**', 'bench-output/**', '.output*/**', 'tests/fixtures/components/dist/**'] },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Chrome: the marks' stylesheet goes to top frames only by the manifest (an entry of its own, without
    // all_frames); the background inserts it into another frame when the content app starts there
    // (utils/background/mark-css.ts: 242 ::highlight() rules cost every ad frame ~9 ms of style recalc).
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') return;
      const scripts = manifest.content_scripts ?? [];
      for (const script of [...scripts]) {
        if (!script.css?.length || !script.all_frames) continue;
        scripts.push({ matches: script.matches, css: script.css, run_at: script.run_at });
        delete script.css;
      }
    },
    // The card UI (entrypoints/card-ui.ts) is loaded by the content script with import() on the first card
    // open, so it must be an ES module (WXT builds unlisted scripts as IIFEs): keeps content.js small.
    'vite:build:extendConfig': (entrypoints, config) => {
      // entrypoints/article-extract.ts (Readability, loaded when a fact pack is asked for) likewise, and the
      // content app (entrypoints/content-app.ts), which the loader imports in frames with text to read.
      const names = entrypoints.map((e) => e.name);
      if (names.length === 1 && ['card-ui', 'article-extract', 'content-app', 'content-app-frame'].includes(names[0]!) && config.build?.lib) {
        config.build.lib.formats = ['es'];
        // Vite leaves an ES library's whitespace unminified (for a consumer's bundler); these run as they are.
        config.plugins = [...(config.plugins ?? []), { name: 'factlens-minify-es', outputOptions: (o: object) => ({ ...o, minify: true }) }];
      }
      // The content app runs almost all of its code on its first page: V8's compile hint (Chrome 136+) compiles
      // every function while the module streams in, off the main thread, instead of each one on the page's
      // thread when first called. Other browsers read a comment. The top frame's copy only (content-app-frame
      // is the other frames'). Measured in docs/benchmarks.md.
      if (names.length === 1 && names[0] === 'content-app' && config.build?.lib) {
        // postBanner: after minification (which drops comments), the source map shifted to match.
        const compileHint = { name: 'factlens-compile-hint', outputOptions: (o: object) => ({ ...o, postBanner: COMPILE_HINT }) };
        config.plugins = [...(config.plugins ?? []), compileHint];
      }
      // The loader (entrypoints/content): WXT's wrapper constructs a ContentScriptContext, which a page can
      // stop, which the page sees (a CustomEvent and a postMessage), and which pulls in the polyfill. Factlens
      // does not use it: a stub that does nothing takes its place (utils/page/loader-context.ts).
      // The content app: the extension API through a thin wrapper, not webextension-polyfill
      // (utils/page/content-browser.ts). WXT's module aliases wxt/browser to the polyfill first.
      if (names.length === 1 && (names[0] === 'content-app' || names[0] === 'content-app-frame')) {
        const thin = path.resolve(__dirname, 'utils/page/content-browser.ts');
        const polyfill = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser', 'webextension-polyfill']);
        config.plugins = [
          {
            name: 'factlens-content-browser',
            enforce: 'pre',
            resolveId: (id: string, importer?: string) => (polyfill.has(id) && importer !== thin ? thin : null),
          },
          ...(config.plugins ?? []),
        ];
      }
      if (names.includes('content')) {
        const stub = path.resolve(__dirname, 'utils/page/loader-context.ts');
        config.plugins = [
          {
            name: 'factlens-loader-context',
            enforce: 'pre',
            resolveId: (id: string) => (id === 'wxt/utils/content-script-context' ? stub : null),
          },
          ...(config.plugins ?? []),
        ];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Factlens',
    description: 'Marks the actors of a news story on the pages you read and shows what the source article says about them.',
    // storage: settings and fact packs (storage.local), per-tab badge counts (storage.session).
    // activeTab: when the user opens the popup or presses a shortcut, the browser lends that one tab's
    // address, so the popup can say "a browser page, extensions cannot run here" (no "tabs" permission).
    // scripting + host permissions for the content script's own matches (Chrome): after an update or an
    // enable, puts the content script back into the open tabs (utils/background/reinject.ts). Chrome does
    // not count content_scripts matches for scripting.executeScript; the sites are the same, so the install
    // warning is the same. Firefox puts content scripts into open tabs itself: neither is asked there.
    // sidePanel (Chrome only; Firefox's sidebar needs none): the dossier panel beside the page.
    permissions: ['storage', 'activeTab', ...(browser === 'firefox' ? [] : ['scripting', 'sidePanel'])],
    ...(browser === 'firefox' ? {} : { host_permissions: ['http://*/*', 'https://*/*'] }),
    // The content app (imported by the loader in frames with text) and the card UI bundle, imported by the
    // content script on http(s) pages (no new permission). Not `use_dynamic_url`: Chrome serves such a file
    // through an extra hop that made the app's import 20 ms against 10-11 ms (nytimes-1, builds alternated, a
    // quiet machine), a quarter of the wait for first marks, and it hides nothing a page cannot learn: marks are
    // named `factlens-…` in the page's own CSS.highlights registry. (WXT turns this into MV2's list for Firefox.)
    web_accessible_resources: [
      {
        resources: ['content-app.js', 'content-app-frame.js', 'card-ui.js', 'article-extract.js'],
        matches: ['http://*/*', 'https://*/*'],
      },
    ],
    // Keyboard shortcuts (people can rebind them at chrome://extensions/shortcuts or about:addons). Keys that a
    // fresh profile really binds: Chromium 156 leaves Alt+Shift+N and Alt+Shift+P unbound (reserved), and
    // binds at most four suggested keys; tests/e2e/first-run-keys.test.ts reads commands.getAll() in both.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next marked mention' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Go to the previous marked mention' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+O' }, description: 'Turn Factlens on or off for this site' },
      // No suggested key: Chromium binds at most four, and the four above are taken.
      'open-panel': { description: 'Open the Factlens side panel (every mention on the page)' },
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the Factlens popup',
      },
      // No suggested key: Chrome binds at most four and those go to the commands above; bind it in the
      // browser's shortcut settings.
      'make-fact-pack': { description: 'Make a fact pack from the article on this page' },
    },
    // Drawn in assets/icon/factlens.svg, rasterised by scripts/icons.ts (a lens over a marked line).
    icons: ICONS,
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: ICONS, default_title: 'Factlens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factlens@factlens.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
