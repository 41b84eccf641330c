// @vitest-environment happy-dom
// The scanner and what is shown: cross-node mentions, incremental updates from mutations, filters.
// The engine is replaced by a trivial stand-in (whole-word names), so these tests check the page layer only.
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../utils/engine/types';
import type { ActorKind } from '../../utils/factbase/types';
import { PageMentionIndex } from '../../utils/page/mention-index';
import { PageScanner } from '../../utils/page/scanner';
import { WrapPainter } from '../../utils/page/wrap-fallback';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';

const ACTORS: Record<string, { id: string; kind: ActorKind }> = {
  'Khalifa Haftar': { id: 'haftar', kind: 'person' },
  Erdoğan: { id: 'erdogan', kind: 'person' },
  Syria: { id: 'syria', kind: 'state' },
  Idlib: { id: 'idlib', kind: 'place' },
};
const KINDS = new Map(Object.values(ACTORS).map((a) => [a.id, a.kind]));

function standInFind(text: string): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(`(?<![\\p{L}])(${Object.keys(ACTORS).join('|')})(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) {
    out.push({ start: m.index, end: m.index + m[0].length, actorId: ACTORS[m[0]]!.id, surface: m[0] });
  }
  return out;
}

let scanner: PageScanner | undefined;
afterEach(() => {
  scanner?.stop();
  document.body.innerHTML = '';
});

async function scan(html: string) {
  document.body.innerHTML = html;
  let changes = 0;
  scanner = new PageScanner({
    root: document,
    find: standInFind,
    kindOf: (id) => KINDS.get(id),
    onChange: () => changes++,
    batchMs: 0,
  });
  const index = new PageMentionIndex(scanner, document, { kinds: DEFAULT_SETTINGS.kinds, firstMentionOnly: false });
  await scanner.start();
  index.refresh();
  return { scanner, index, changes: () => changes };
}

const texts = (index: PageMentionIndex) => index.all().map((m) => m.toRange().toString());

/** Lets the MutationObserver deliver, then processes the batch. */
async function settle(s: PageScanner, index: PageMentionIndex) {
  await new Promise((r) => setTimeout(r, 0));
  await s.processMutations();
  index.refresh();
}

describe('scanner', () => {
  it('finds mentions across inline elements, with ranges over the right text', async () => {
    const { index } = await scan('<p>General Khalifa <a href="#">Haftar</a> met Erdo<b>ğ</b>an.</p><p>Syria</p>');
    expect(texts(index)).toEqual(['Khalifa Haftar', 'Erdoğan', 'Syria']);
    const [haftar] = index.all();
    expect(haftar!.range.startContainer.textContent).toBe('General Khalifa ');
    expect(haftar!.range.endContainer.textContent).toBe('Haftar');
    expect(haftar!.context).toContain('General Khalifa Haftar met');
  });

  it('does not join text across blocks', async () => {
    const { index } = await scan('<div>Khalifa</div><div>Haftar</div>');
    expect(index.all()).toEqual([]);
  });

  it('marks nothing inside editable regions, inputs and code', async () => {
    const { index } = await scan(
      '<div contenteditable="true">Syria</div><textarea>Syria</textarea><input value="Syria"><code>Syria</code><p>Idlib</p>',
    );
    expect(texts(index)).toEqual(['Idlib']);
  });

  it('marks text added later, and only re-reads what changed', async () => {
    const { scanner: s, index } = await scan('<p>Idlib</p><div id="feed"></div>');
    const before = index.all()[0];
    const p = document.createElement('p');
    p.textContent = 'News from Syria';
    document.getElementById('feed')!.append(p);
    await settle(s, index);
    expect(texts(index)).toEqual(['Idlib', 'Syria']);
    // The untouched mention is the same object: its block was not re-read.
    expect(index.all()[0]).toBe(before);
  });

  it('keeps document order when text is inserted before existing mentions', async () => {
    const { scanner: s, index } = await scan('<p id="a">Idlib</p>');
    const p = document.createElement('p');
    p.textContent = 'Syria';
    document.body.insertBefore(p, document.getElementById('a'));
    await settle(s, index);
    expect(texts(index)).toEqual(['Syria', 'Idlib']);
  });

  it('follows text changes inside a block (characterData)', async () => {
    const { scanner: s, index } = await scan('<p>Nothing <b>here</b></p>');
    expect(index.all()).toEqual([]);
    document.querySelector('b')!.firstChild!.nodeValue = 'Syria';
    await settle(s, index);
    expect(texts(index)).toEqual(['Syria']);
  });

  it('drops mentions of removed nodes', async () => {
    const { scanner: s, index } = await scan('<p id="gone">Syria</p><p>Idlib</p>');
    expect(index.all()).toHaveLength(2);
    document.getElementById('gone')!.remove();
    await settle(s, index);
    expect(texts(index)).toEqual(['Idlib']);
  });

  it('drops mentions when their subtree becomes hidden, and finds them when shown again', async () => {
    const { scanner: s, index } = await scan('<section id="s"><p>Syria</p></section>');
    const section = document.getElementById('s')!;
    section.setAttribute('hidden', '');
    await settle(s, index);
    expect(index.all()).toEqual([]);
    section.removeAttribute('hidden');
    await settle(s, index);
    expect(texts(index)).toEqual(['Syria']);
  });

  it('ignores Factlens\'s own UI being added', async () => {
    const { scanner: s, index } = await scan('<p>Syria</p>');
    const host = document.createElement('factlens-card');
    host.textContent = 'Idlib';
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 0));
    await s.processMutations();
    index.refresh();
    expect(texts(index)).toEqual(['Syria']);
  });

  it('reads and follows open shadow roots', async () => {
    document.body.innerHTML = '<x-card></x-card>';
    const shadow = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Idlib</p>';
    scanner = new PageScanner({ root: document, find: standInFind, kindOf: (id) => KINDS.get(id), onChange: () => {} });
    const index = new PageMentionIndex(scanner, document, { kinds: DEFAULT_SETTINGS.kinds, firstMentionOnly: false });
    await scanner.start();
    index.refresh();
    expect(texts(index)).toEqual(['Idlib']);
    const p = document.createElement('p');
    p.textContent = 'Syria';
    shadow.append(p);
    await settle(scanner, index);
    expect(texts(index)).toEqual(['Idlib', 'Syria']);
  });
});

describe('what is shown', () => {
  it('filters kinds and first mentions without rescanning', async () => {
    const { index } = await scan('<p>Syria, Idlib.</p><p>Syria again, Erdoğan.</p>');
    expect(index.all().map((m) => m.actorId)).toEqual(['syria', 'idlib', 'syria', 'erdogan']);
    const ids = index.all().map((m) => m.id);
    index.setFilter({ kinds: { ...DEFAULT_SETTINGS.kinds, person: false }, firstMentionOnly: true });
    expect(index.all().map((m) => m.actorId)).toEqual(['syria', 'idlib']);
    // Counts are of the page, whatever is shown: Syria is marked once and named twice.
    expect(index.actorCounts()).toEqual([
      { actorId: 'syria', count: 2 },
      { actorId: 'idlib', count: 1 },
    ]);
    expect(index.ofActor('syria')).toHaveLength(1);
    expect(index.onPage('syria')).toHaveLength(2);
    index.setFilter({ kinds: DEFAULT_SETTINGS.kinds, firstMentionOnly: false });
    expect(index.all().map((m) => m.id)).toEqual(ids);
    expect(index.ofActor('syria')).toHaveLength(2);
  });

  it('finds the mention at a DOM position', async () => {
    const { index } = await scan('<p>In Khalifa <i>Haftar</i>\'s camp</p>');
    const italic = document.querySelector('i')!.firstChild!;
    expect(index.atPosition(italic, 2)?.actorId).toBe('haftar');
    const first = document.querySelector('p')!.firstChild!;
    expect(index.atPosition(first, 1)).toBeNull();
  });

  it('tells listeners of changes', async () => {
    const { index } = await scan('<p>Syria</p>');
    let calls = 0;
    const off = index.onChange(() => calls++);
    index.refresh();
    off();
    index.refresh();
    expect(calls).toBe(1);
  });
});

describe('wrap fallback', () => {
  it('wraps mentions in factlens-mark and unwraps to the exact original nodes', async () => {
    const html = '<p>General Khalifa <a href="#">Haftar</a> met Erdo<b>ğ</b>an in Syria.</p><p>Syria</p>';
    const { scanner: s, index } = await scan(html);
    const originalNodes: Node[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) originalNodes.push(n);
    const painter = new WrapPainter(document, (m) => s.blockOf(m), (work) => s.withoutObserving(work));
    painter.paint(index.all(), DEFAULT_SETTINGS);
    const marks = [...document.querySelectorAll('factlens-mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Khalifa ', 'Haftar', 'Erdo', 'ğ', 'an', 'Syria', 'Syria']);
    expect(document.body.textContent).toBe('General Khalifa Haftar met Erdoğan in Syria.Syria');
    expect(painter.rangeOf(index.all()[0]!)!.toString()).toBe('Khalifa Haftar');
    expect(painter.mentionAt(document.querySelectorAll('factlens-mark')[1]!)?.actorId).toBe('haftar');
    // Our own wrapping is not taken for a page change.
    await new Promise((r) => setTimeout(r, 0));
    await s.processMutations();
    painter.clear();
    expect(document.body.innerHTML).toBe(html);
    const after: Node[] = [];
    const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    for (let n = walker2.nextNode(); n; n = walker2.nextNode()) after.push(n);
    expect(after.length).toBe(originalNodes.length);
    after.forEach((n, i) => expect(n).toBe(originalNodes[i]));
  });
});
