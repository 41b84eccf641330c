// The welcome page opens on a fresh install only: not on an update, a browser update or a shared module.
import { describe, expect, it } from 'vitest';
import { shouldWelcome } from '../../utils/background/welcome';

describe('opening the welcome page', () => {
  it('opens on install', () => {
    expect(shouldWelcome({ reason: 'install' })).toBe(true);
  });
  it('stays shut on update and the rest', () => {
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update', undefined]) {
      expect(shouldWelcome({ reason })).toBe(false);
    }
  });
});
