import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// End-to-end: the built extension (.output/) in real browsers. Run `npm run build` first.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Real browsers on a shared two-core machine: in CI a browser test gets one more try, so a timing hiccup
    // does not sink a run; a real fault fails both tries. Locally every failure shows at once.
    retry: process.env.CI ? 1 : 0,
  },
});
