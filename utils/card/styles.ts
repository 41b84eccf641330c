// The card's stylesheet, adopted by its shadow root (constructable stylesheet: a page's CSP on styles does
// not apply). Lengths are in px, never rem/em from the page: a page's `html { font-size: 40px }` must not
// reach the card. The host's own rules are !important: inside a shadow tree, important :host rules win over
// the page's (even `* { all: unset !important }`).

const LIGHT = `
  --fl-bg: #ffffff;
  --fl-fg: #1b2030;
  --fl-muted: #596273;
  --fl-faint: #8a93a3;
  --fl-border: #dde2ea;
  --fl-soft: #f3f5f8;
  --fl-accent: #1f5fcc;
  --fl-accent-soft: #e8f0fd;
  --fl-figure-bg: #fff0b3;
  --fl-figure-fg: #3b2c00;
  --fl-reason-bg: #eef4ff;
  --fl-reason-fg: #24406f;
  --fl-shadow: 0 12px 32px rgba(15, 23, 42, 0.18), 0 2px 6px rgba(15, 23, 42, 0.08);
  color-scheme: light;
`;

const DARK = `
  --fl-bg: #1d2029;
  --fl-fg: #e8ebf1;
  --fl-muted: #a9b1bf;
  --fl-faint: #7d8696;
  --fl-border: #363c4a;
  --fl-soft: #262a35;
  --fl-accent: #8bb4ff;
  --fl-accent-soft: #24324d;
  --fl-figure-bg: #4a3d0c;
  --fl-figure-fg: #ffe9a3;
  --fl-reason-bg: #1f2b42;
  --fl-reason-fg: #c5d7fa;
  --fl-shadow: 0 14px 36px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.35);
  color-scheme: dark;
`;

export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  pointer-events: none !important;
  contain: none !important;
}
.root {
  all: initial;
  ${LIGHT}
}
.root[data-theme="dark"] { ${DARK} }
@media (prefers-color-scheme: dark) {
  .root[data-theme="auto"] { ${DARK} }
}
.floating {
  position: fixed;
  top: 0;
  left: 0;
  pointer-events: auto;
  box-sizing: border-box;
  width: max-content;
  max-width: min(400px, calc(100vw - 16px));
}
.card, .card * {
  box-sizing: border-box;
}
.card {
  display: flex;
  flex-direction: column;
  gap: 12px;
  width: 380px;
  max-width: 100%;
  max-height: inherit;
  overflow: auto;
  overscroll-behavior: contain;
  scrollbar-width: thin;
  scrollbar-color: var(--fl-border) transparent;
  padding: 14px 16px 12px;
  background: var(--fl-bg);
  color: var(--fl-fg);
  border: 1px solid var(--fl-border);
  border-radius: 12px;
  box-shadow: var(--fl-shadow);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  font-weight: 400;
  font-style: normal;
  line-height: 1.45;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  white-space: normal;
  word-wrap: break-word;
  overflow-wrap: anywhere;
  -webkit-font-smoothing: antialiased;
  cursor: auto;
  direction: ltr;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--fl-accent); outline-offset: 2px; }
p, h2, h3, ul, li, blockquote, cite, footer, header, section {
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
}
ul { list-style: none; }
cite { font-style: normal; }
button {
  font: inherit;
  color: inherit;
  background: none;
  border: 0;
  margin: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
  line-height: inherit;
}
button:focus-visible { outline: 2px solid var(--fl-accent); outline-offset: 1px; border-radius: 6px; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.header { display: flex; flex-direction: column; gap: 2px; }
.topline { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: 26px; }
.kind {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fl-muted);
}
.kind-under { margin-top: 2px; }
.kind-dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.back {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  font-size: 12px;
  font-weight: 500;
  color: var(--fl-accent);
  padding: 3px 8px 3px 4px;
  border-radius: 6px;
}
.back:hover { background: var(--fl-accent-soft); }
.header-buttons { display: inline-flex; gap: 2px; margin-right: -6px; }
.icon-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 26px;
  height: 26px;
  border-radius: 6px;
  color: var(--fl-muted);
}
.icon-button:hover { background: var(--fl-soft); color: var(--fl-fg); }
.icon-button[aria-pressed="true"] { color: var(--fl-accent); background: var(--fl-accent-soft); }
.name { font-size: 18px; font-weight: 650; line-height: 1.25; letter-spacing: -0.01em; }
.identity { font-size: 13px; color: var(--fl-muted); }
.reason {
  display: flex;
  gap: 8px;
  align-items: flex-start;
  padding: 8px 10px;
  border-radius: 8px;
  background: var(--fl-reason-bg);
  color: var(--fl-reason-fg);
  font-size: 12.5px;
  line-height: 1.4;
}
.reason-icon { flex: none; margin-top: 1px; }
.section { display: flex; flex-direction: column; gap: 8px; }
.section-title {
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fl-faint);
}
.fact-list { display: flex; flex-direction: column; gap: 10px; }
.fact {
  position: relative;
  padding-left: 14px;
}
.fact::before {
  content: "";
  position: absolute;
  left: 2px;
  top: 8px;
  width: 5px;
  height: 5px;
  border-radius: 50%;
  background: var(--fl-faint);
}
.fact-text { font-size: 14px; }
.fact-figures { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.figure {
  font-weight: 650;
  background: var(--fl-figure-bg);
  color: var(--fl-figure-fg);
  border-radius: 3px;
  padding: 0 3px;
  white-space: nowrap;
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
}
.quote { margin-top: 3px; }
.disclosure {
  display: inline-flex;
  align-items: center;
  gap: 3px;
  font-size: 12px;
  font-weight: 500;
  color: var(--fl-accent);
  padding: 1px 4px 1px 0;
  border-radius: 4px;
}
.disclosure:hover { text-decoration: underline; }
.chevron { transition: transform 120ms ease; }
.disclosure[aria-expanded="true"] .chevron { transform: rotate(90deg); }
.quote-text {
  margin-top: 5px;
  padding: 6px 10px;
  border-left: 3px solid var(--fl-border);
  background: var(--fl-soft);
  border-radius: 0 6px 6px 0;
  font-family: Georgia, "Noto Serif", "Times New Roman", serif;
  font-size: 13.5px;
  font-style: italic;
  line-height: 1.5;
  color: var(--fl-fg);
}
.empty { color: var(--fl-muted); font-size: 13px; }
.more { align-self: flex-start; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip {
  display: inline-flex;
  align-items: center;
  max-width: 100%;
  padding: 3px 10px;
  border: 1px solid var(--fl-border);
  border-radius: 999px;
  background: var(--fl-soft);
  font-size: 12.5px;
  font-weight: 500;
  line-height: 1.4;
}
.chip:hover { border-color: var(--fl-accent); color: var(--fl-accent); background: var(--fl-accent-soft); }
.chip-more { color: var(--fl-muted); background: none; }
.mention-nav {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  padding-top: 10px;
  border-top: 1px solid var(--fl-border);
  font-size: 12.5px;
  color: var(--fl-muted);
}
.mention-buttons { display: inline-flex; align-items: center; gap: 2px; }
.mention-position { margin-right: 4px; font-variant-numeric: tabular-nums; }
.source {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: 4px;
  font-size: 12px;
  color: var(--fl-faint);
}
.source-title { color: var(--fl-muted); }
.link-button {
  font-size: 12px;
  font-weight: 500;
  color: var(--fl-accent);
  border-radius: 4px;
}
.link-button:hover { text-decoration: underline; }
@media (prefers-reduced-motion: reduce) {
  .chevron { transition: none; }
}
`;
