// The marks' stylesheet goes to a frame other than the top one when its content app starts
// (utils/background/mark-css.ts): into that tab's frame only; never into a top frame (the manifest gives it
// there), nor when the manifest gives it to every frame (Firefox); a failed insertion is no error.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

import { insertMarkCss, MARK_CSS_FILE } from '../../utils/background/mark-css';

describe('the marks stylesheet', () => {
  it("is inserted into the sender's frame of its tab, not into a top frame", async () => {
    const insert = vi.fn(async () => undefined);
    expect(await insertMarkCss({ tab: { id: 7 }, frameId: 3 }, insert, () => false)).toBe(true);
    expect(await insertMarkCss({ tab: { id: 7 }, frameId: 0 }, insert, () => false)).toBe(false);
    expect(await insertMarkCss({ tab: { id: 7 } }, insert, () => false)).toBe(false);
    expect(insert.mock.calls).toEqual([[{ target: { tabId: 7, frameIds: [3] }, files: [MARK_CSS_FILE] }]]);
    expect(MARK_CSS_FILE).toBe('content-scripts/content.css');
  });

  it('is not inserted when the manifest gives it to every frame, without a tab, or without the scripting API', async () => {
    const insert = vi.fn(async () => undefined);
    expect(await insertMarkCss({ tab: { id: 7 }, frameId: 3 }, insert, () => true)).toBe(false);
    expect(await insertMarkCss({ frameId: 3 }, insert, () => false)).toBe(false);
    expect(await insertMarkCss(undefined, insert, () => false)).toBe(false);
    expect(await insertMarkCss({ tab: { id: 7 }, frameId: 3 }, null, () => false)).toBe(false);
    expect(insert).not.toHaveBeenCalled();
  });

  it('a frame that went away meanwhile is no error', async () => {
    const insert = vi.fn(async () => {
      throw new Error('No frame with id 3 in tab 7.');
    });
    expect(await insertMarkCss({ tab: { id: 7 }, frameId: 3 }, insert, () => false)).toBe(false);
  });
});
