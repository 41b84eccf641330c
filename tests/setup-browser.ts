// @wxt-dev/storage reaches the extension API through @wxt-dev/browser, not wxt/browser: in the unit and DOM
// tests both are WXT's fake browser (test files mock wxt/browser themselves where they need it).
import { vi } from 'vitest';

vi.mock('@wxt-dev/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
