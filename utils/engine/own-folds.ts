// The engine's own folding choices beyond Unicode's NFKD, in a module with no imports: the matcher's tables
// (normalise.ts) and the loader's gate (word-gate.ts, in every frame, without the tables) fold alike from them.

/** Letters that NFKD leaves alone but readers treat as their base letter. */
export const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ħ: 'h', ŧ: 't', ŀ: 'l',
  ĸ: 'k', ŋ: 'n', ſ: 's', ς: 'σ',
};

/** Invisible inside words (soft hyphen, zero-width characters, tatweel): fold to nothing. */
export const IGNORABLES: ReadonlySet<number> = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0640, 0x180e]);
