// @vitest-environment happy-dom
// The walker's rules: what is read, what is skipped, how text is grouped into blocks.
import { beforeEach, describe, expect, it } from 'vitest';
import { BlockReader, locate, readBlocks, type TextBlock } from '../../utils/page/text-index';

function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return readBlocks(document.body).map((b) => b.text);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readBlocks: exclusions', () => {
  const skipped: [string, string][] = [
    ['script', '<script>var Syria = 1;</script>'],
    ['style', '<style>.Syria{}</style>'],
    ['noscript', '<noscript>Syria</noscript>'],
    ['template', '<template><p>Syria</p></template>'],
    ['textarea', '<textarea>Syria</textarea>'],
    ['select/option', '<select><option>Syria</option></select>'],
    ['code', '<code>Syria</code>'],
    ['pre', '<pre>Syria</pre>'],
    ['kbd', '<kbd>Syria</kbd>'],
    ['samp', '<samp>Syria</samp>'],
    ['svg', '<svg><text>Syria</text></svg>'],
    ['iframe', '<iframe>Syria</iframe>'],
    ['contenteditable', '<div contenteditable="true"><p>Syria</p></div>'],
    ['contenteditable (empty value)', '<div contenteditable><b>Syria</b></div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only">Syria</div>'],
    ['hidden', '<div hidden><span>Syria</span></div>'],
    ['aria-hidden', '<div aria-hidden="true"><p><b>Syria</b></p></div>'],
    ['Factlens UI', '<factlens-card><p>Syria</p></factlens-card>'],
  ];
  for (const [what, html] of skipped) {
    it(`skips ${what} and everything inside`, () => {
      expect(blocksOf(`<p>Before.</p>${html}<p>After.</p>`)).toEqual(['Before.', 'After.']);
    });
  }

  it('reads contenteditable="false" and aria-hidden="false"', () => {
    expect(blocksOf('<div contenteditable="false">Syria</div><div aria-hidden="false">Iran</div>')).toEqual([
      'Syria',
      'Iran',
    ]);
  });

  it('reads through Factlens marks (they hold page text)', () => {
    expect(blocksOf('<p>In <factlens-mark>Syria</factlens-mark> today</p>')).toEqual(['In Syria today']);
  });

  it('reads nothing of an editable document', () => {
    document.body.innerHTML = '<p>Syria</p>';
    document.designMode = 'on';
    try {
      expect(readBlocks(document.body)).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });
});

describe('readBlocks: blocks', () => {
  it('joins inline elements into one block', () => {
    expect(blocksOf('<p>Khalifa <a href="#">Haftar</a> and Erdo<b>ğ</b>an</p>')).toEqual([
      'Khalifa Haftar and Erdoğan',
    ]);
  });

  it('separates block elements, including text around a nested block', () => {
    expect(blocksOf('<div>one<p>two</p>three</div><ul><li>four</li><li>five</li></ul>')).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
  });

  it('separates at <br> and table cells, and headings', () => {
    expect(blocksOf('<h1>Title</h1><p>a<br>b</p><table><tr><td>c</td><th>d</th></tr></table>')).toEqual([
      'Title',
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('maps block offsets back to text nodes', () => {
    document.body.innerHTML = '<p>Khalifa <a>Haf</a>tar</p>';
    const [block] = readBlocks(document.body);
    expect(block!.text).toBe('Khalifa Haftar');
    const start = locate(block!, 8);
    const end = locate(block!, 14, true);
    expect(start.node.data).toBe('Haf');
    expect(start.offset).toBe(0);
    expect(end.node.data).toBe('tar');
    expect(end.offset).toBe(3);
    // At a node boundary, an end position stays in the earlier node.
    const boundary = locate(block!, 11, true);
    expect([boundary.node.data, boundary.offset]).toEqual(['Haf', 3]);
    expect([locate(block!, 11).node.data, locate(block!, 11).offset]).toEqual(['tar', 0]);
  });
});

describe('BlockReader: blank blocks and the nodes of a block', () => {
  const html = '<ul>\n  <li>four</li>\n  <li>five <b>and</b> six</li>\n</ul>\n<p>\u00a0</p>';

  it('leaves out blocks of white space only; readBlocks keeps them (its visible text is the export\'s)', () => {
    document.body.innerHTML = html;
    const texts: string[] = [];
    new BlockReader(document.body).read((b) => texts.push(b.text));
    // A no-break space is not blank: only code units up to U+0020 are.
    expect(texts).toEqual(['four', 'five and six', '\u00a0']);
    expect(readBlocks(document.body).map((b) => b.text)).toEqual(['\n  ', 'four', '\n  ', 'five and six', '\n', '\n', '\u00a0']);
  });

  it('keeps a block whose only ink comes after blank nodes, also past a pause; drops one that stays blank', () => {
    // 100 blank nodes before the letter: the reader pauses (every 64 nodes) while the block has no ink yet.
    document.body.innerHTML =
      '<p>' + '<i> </i>\n'.repeat(50) + 'Idlib<i> </i></p><div>' + '<b>\t</b>'.repeat(70) + '</div><p>x</p>';
    const texts: string[] = [];
    const reader = new BlockReader(document.body);
    let pauses = 0;
    while (!reader.read((b) => texts.push(b.text), () => true)) pauses++;
    expect(pauses).toBeGreaterThan(1);
    expect(texts).toEqual([' \n'.repeat(50) + 'Idlib ', 'x']);
    expect(readBlocks(document.body).map((b) => b.text)).toEqual([' \n'.repeat(50) + 'Idlib ', '\t'.repeat(70), 'x']);
  });

  it('gives each block its own nodes and offsets, also for a block that spans a pause', () => {
    document.body.innerHTML =
      '<p>' + Array.from({ length: 150 }, (_, i) => `w${i} <i>x</i>`).join('') + '</p><p>after <b>Haftar</b></p>';
    const blocks: TextBlock[] = [];
    const reader = new BlockReader(document.body);
    let pauses = 0;
    // Pause at every chance: the first block is read over several calls.
    while (!reader.read((b) => blocks.push(b), () => true)) pauses++;
    expect(pauses).toBeGreaterThan(2);
    expect(blocks.map((b) => b.text)).toEqual(readBlocks(document.body).map((b) => b.text));
    for (const b of blocks) {
      expect(b.nodes.map((n) => n.data).join('')).toBe(b.text);
      expect(b.starts).toEqual(b.nodes.map((_, i) => b.nodes.slice(0, i).reduce((n, t) => n + t.data.length, 0)));
    }
    expect(blocks[0]!.nodes).toHaveLength(300);
    expect(blocks[1]!.nodes.map((n) => n.data)).toEqual(['after ', 'Haftar']);
    // Asked twice, the same arrays (the block keeps what it copied out).
    expect(blocks[1]!.nodes).toBe(blocks[1]!.nodes);
  });
});

describe('readBlocks: shadow roots', () => {
  it('reads open shadow roots as blocks where their host stands', () => {
    document.body.innerHTML = '<p>Before.</p><x-widget></x-widget><p>After.</p>';
    const host = document.querySelector('x-widget')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside <b>Syria</b></p><script>Iran</script>';
    const seen: ShadowRoot[] = [];
    const blocks = readBlocks(document.body, { onShadowRoot: (r) => seen.push(r) }).map((b) => b.text);
    expect(blocks).toEqual(['Before.', 'Inside Syria', 'After.']);
    expect(seen).toEqual([shadow]);
  });

  it('skips hidden and editable elements inside an open shadow root too', () => {
    document.body.innerHTML = '<x-host></x-host><p hidden>Iran</p>';
    const shadow = document.querySelector('x-host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Syria</p><p aria-hidden="true">Turkey</p><div contenteditable="">Libya</div><p contenteditable="false">Russia</p>';
    expect(readBlocks(document.body).map((b) => b.text)).toEqual(['Syria', 'Russia']);
  });

  it('does not read closed shadow roots', () => {
    document.body.innerHTML = '<x-closed></x-closed>';
    const shadow = document.querySelector('x-closed')!.attachShadow({ mode: 'closed' });
    shadow.innerHTML = '<p>Syria</p>';
    expect(readBlocks(document.body)).toEqual([]);
  });
});

describe('BlockReader spans (viewport first)', () => {
  it('reads a page as three spans [start, from), [from, until), [until, end) with each block exactly once', () => {
    document.body.innerHTML =
      'lead <b>text</b><div id="a">one <i>Khalifa</i><p id="p1">two</p> tail of a <span>x</span></div>' +
      '<section><p id="from">three <a>Haftar</a></p>between <em>inline</em><host-el id="host"></host-el>' +
      '<ul><li>four</li><li id="last">five</li></ul>after list</section><pre>skip</pre><p>six</p> end';
    const host = document.getElementById('host')!.attachShadow({ mode: 'open' });
    host.innerHTML = '<p>shadow text</p>';
    const whole = readBlocks(document.body).map((b) => b.text);
    const from = document.getElementById('from')!;
    const last = document.getElementById('last')!;
    const until = last.parentElement!.nextSibling; // "after list": the node right after the list's block
    const span = (options: { from?: Node; until?: Node | null }) => {
      const texts: string[] = [];
      new BlockReader(document.body, options).read((b) => texts.push(b.text));
      return texts;
    };
    const region = span({ from, until });
    const before = span({ until: from });
    const after = span({ from: until! });
    expect(region).toEqual(['three Haftar', 'between inline', 'shadow text', 'four', 'five']);
    expect([...before, ...region, ...after]).toEqual(whole);
  });

  it('resumes a paused span where it stopped and still stops at its end', () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p id="p${i}">para ${i}</p>`).join('');
    const texts: string[] = [];
    const reader = new BlockReader(document.body, { from: document.getElementById('p100')!, until: document.getElementById('p200') });
    let calls = 0;
    while (!reader.read((b) => texts.push(b.text), () => true)) calls++;
    expect(calls).toBeGreaterThan(0);
    expect(texts).toEqual(Array.from({ length: 100 }, (_, i) => `para ${100 + i}`));
  });
});
