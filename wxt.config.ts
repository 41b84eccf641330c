import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Factlens: the manifest asks for the fewest permissions. `storage` holds the user's settings and
// imported fact packs; the content script runs on http(s) pages only (see README, "Permissions").
export default defineConfig({
  // Tests and parallel work can build elsewhere: FACTLENS_OUT_DIR=.output-x npm run build
  outDir: process.env.FACTLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Factlens',
    description: 'Marks the actors of a news story on the pages you read and shows what the source article says about them.',
    permissions: ['storage'],
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
