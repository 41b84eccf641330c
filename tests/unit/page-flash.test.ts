// The panel's flash: one highlight of its own name, above the marks, replaced by the next, gone after its time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLASH_HIGHLIGHT, flashRange } from '../../utils/page/flash';

class FakeHighlight {
  priority = 0;
  ranges: unknown[];
  constructor(...ranges: unknown[]) {
    this.ranges = ranges;
  }
}

function fakeWindow() {
  const highlights = new Map<string, FakeHighlight>();
  return { highlights, win: { CSS: { highlights }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis };
}

describe('flashRange', () => {
  afterEach(() => vi.useRealTimers());

  it('registers the flash above the marks for its time, a second flash replacing the first', () => {
    vi.useFakeTimers();
    const { highlights, win } = fakeWindow();
    const a = {} as Range;
    const b = {} as Range;
    expect(flashRange(a, 1500, win)).toBe(true);
    expect(highlights.get(FLASH_HIGHLIGHT)?.ranges).toEqual([a]);
    expect(highlights.get(FLASH_HIGHLIGHT)!.priority).toBeGreaterThan(0);
    vi.advanceTimersByTime(1000);
    flashRange(b, 1500, win);
    vi.advanceTimersByTime(1000); // the first flash's time is up, but the second holds
    expect(highlights.get(FLASH_HIGHLIGHT)?.ranges).toEqual([b]);
    vi.advanceTimersByTime(600);
    expect(highlights.has(FLASH_HIGHLIGHT)).toBe(false);
  });

  it('does nothing, and says so, without the Custom Highlight API', () => {
    expect(flashRange({} as Range, 1500, {} as Window & typeof globalThis)).toBe(false);
  });
});
