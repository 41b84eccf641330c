// @vitest-environment happy-dom
// `factlens scan`: HTML read through the page's own text rules, offsets in the visible text, the real engine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countByActor, scanCommand, scanContent, visibleBlocksOfHtml } from '../../cli/scan';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('factlens scan', () => {
  it('reads HTML as the content script does: no script, style, template, hidden input; blocks apart', () => {
    const html = `<!doctype html><html><head><title>Syria title</title><style>p{}</style></head><body>
      <script>Syria()</script><template>Syria</template><input type="hidden" value="Syria">
      <p>Khalifa <a>Haftar</a></p><div>Idlib</div></body></html>`;
    const blocks = visibleBlocksOfHtml(html).map((b) => b.trim()).filter(Boolean);
    expect(blocks).toEqual(['Khalifa Haftar', 'Idlib']);
  });

  it('gives offsets in the visible text (blocks joined by blank lines) and the sentence as context', () => {
    const html = '<p>Fighting in Idlib went on.</p><p>Khalifa <b>Haftar</b> spoke. Later more.</p>';
    const rows = scanContent('page.html', html);
    const visible = visibleBlocksOfHtml(html).join('\n\n');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(visible.slice(row.start, row.end)).toBe(row.surface);
    const haftar = rows.find((r) => r.actorId === 'khalifa-haftar');
    expect(haftar?.surface).toBe('Khalifa Haftar');
    expect(haftar?.context).toBe('Khalifa Haftar spoke.');
    expect(rows.find((r) => r.actorId === 'idlib')?.context).toBe('Fighting in Idlib went on.');
  });

  it('counts the article\'s actors in a .txt file', () => {
    const text = readFileSync(path.join(ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
    const counts = countByActor(scanContent('idlib-2019.txt', text));
    expect(counts.get('khalifa-haftar')).toBe(1);
    expect(counts.get('wagner-group')).toBe(1);
    expect(counts.get('russia')).toBeGreaterThan(5);
  });

  it('prints JSON lines, or a summary, and refuses unknown options', async () => {
    const lines: string[] = [];
    const file = path.join(ROOT, 'tests/fixtures/pages/article.html');
    expect(await scanCommand([file], (l) => lines.push(l))).toBe(0);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(['file', 'actorId', 'actor', 'surface', 'start', 'end', 'context']);
    const summary: string[] = [];
    expect(await scanCommand(['--summary', file], (l) => summary.push(l))).toBe(0);
    const total = summary.map((l) => JSON.parse(l).count as number).reduce((a, b) => a + b, 0);
    expect(total).toBe(lines.length);
    expect(await scanCommand(['--bogus', file], () => {})).toBe(2);
    expect(await scanCommand([path.join(ROOT, 'no-such-file.html')], () => {})).toBe(1);
  });
});
