import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// Unit (pure logic, Node) and DOM (happy-dom) suites. Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}'],
    // The extension pages load zod's English messages (utils/zod-locale.ts); so do the tests.
    setupFiles: ['utils/zod-locale.ts', 'tests/setup-browser.ts'],
    // Bundled (not loaded from node_modules as is) so that the mock of @wxt-dev/browser reaches the storage items.
    server: { deps: { inline: ['wxt', '@wxt-dev/storage', '@wxt-dev/browser'] } },
    // The card's stylesheet is imported as text (`card.css?inline`) into its shadow root: give tests the real text.
    css: { include: [/components\/card\/card\.css/] },
  },
});
