// The card's theme as drawn: "auto" resolved to light or dark from the reader's colour scheme, in one place,
// so the stylesheet holds one set of dark rules (not a copy under a prefers-color-scheme query).
import type { Settings } from '../settings/schema';

export type DrawnTheme = 'light' | 'dark';

export function resolveTheme(theme: Settings['theme'], prefersDark: boolean): DrawnTheme {
  if (theme === 'auto') return prefersDark ? 'dark' : 'light';
  return theme;
}

export interface SchemeWatch {
  prefersDark(): boolean;
  /** Stops following the scheme's changes. */
  stop(): void;
}

/** Follows the reader's colour scheme; `onChange` runs when it flips. */
export function watchScheme(win: Window, onChange: () => void): SchemeWatch {
  const query = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : null;
  const listener = () => onChange();
  query?.addEventListener?.('change', listener);
  return {
    prefersDark: () => !!query?.matches,
    stop: () => query?.removeEventListener?.('change', listener),
  };
}
