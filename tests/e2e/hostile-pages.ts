// The hostile test pages, shared by the Chromium and Firefox tests (served in memory).
import { MENTIONS_PAGE } from './hostile-helpers';

/** A page that defines `factlens-card` before Factlens runs, with a constructor that takes the shadow root. */
const DEFINES_CARD = MENTIONS_PAGE.replace(
  '</head>',
  `<script>
window.constructed = 0;
customElements.define('factlens-card', class extends HTMLElement {
  constructor() { super(); window.constructed++; this.attachShadow({ mode: 'closed' }); }
});
</script></head>`,
).replace('</main>', '<factlens-card id="own">the page\'s own element</factlens-card></main>');

// Each frame is a page of its own, decided on its own: each names three actors of the story (a frame naming
// two in passing is not about it, issue 12).
const FRAMES = `<!doctype html><html><head><meta charset="utf-8"><title>frames</title></head><body>
<p>Frames below.</p>
<iframe name="srcdoc" srcdoc="<p>Fighting continues in Idlib province while Russia and Turkey trade accusations over the ceasefire.</p>"></iframe>
<iframe name="blank"></iframe>
<script>
const f = document.querySelector('iframe[name=blank]');
f.contentDocument.body.innerHTML = '<p>The Wagner group was seen near Sirte in Libya while Turkey watched.</p>';
window.framesReady = true;
</script></body></html>`;

export const HOSTILE_PAGES = { '/defines-card.html': DEFINES_CARD, '/frames.html': FRAMES };

/** Runs in the page: whether Factlens shows at least `min` marks. */
export function pageWaitsForMarks(min: number): boolean {
  if (!('highlights' in CSS)) return false;
  let n = 0;
  for (const [name, h] of CSS.highlights as unknown as Map<string, { size: number }>) if (name.startsWith('factlens')) n += h.size;
  return n >= min;
}
