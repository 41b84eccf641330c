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

  it('gives offsets in the visible text (blocks joined by blank lines) and the whole sentence', () => {
    // Four actors of the story: a page naming one or two in passing is not marked (issue 12).
    const html = '<p>Fighting in Idlib went on as Russia and Turkey talked.</p><p>Khalifa <b>Haftar</b> spoke. Later more.</p>';
    const rows = scanContent('page.html', html);
    const visible = visibleBlocksOfHtml(html).join('\n\n');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(visible.slice(row.start, row.end)).toBe(row.surface);
    const haftar = rows.find((r) => r.actorId === 'khalifa-haftar');
    expect(haftar?.surface).toBe('Khalifa Haftar');
    expect(haftar?.sentence).toBe('Khalifa Haftar spoke.');
    expect(rows.find((r) => r.actorId === 'idlib')?.sentence).toBe('Fighting in Idlib went on as Russia and Turkey talked.');
  });

  it('counts the article\'s actors in a .txt file', () => {
    const text = readFileSync(path.join(ROOT, 'assets/articles/idlib-2019.txt'), 'utf8');
    const counts = countByActor(scanContent('idlib-2019.txt', text));
    expect(counts.get('khalifa-haftar')).toBe(1);
    expect(counts.get('wagner-group')).toBe(1);
    expect(counts.get('russia')).toBeGreaterThan(5);
  });

  it('prints JSON lines of export rows, or a summary, and refuses unknown options', async () => {
    let text = '';
    const file = path.join(ROOT, 'tests/fixtures/pages/article.html');
    expect(await scanCommand(['--jobs', '1', file], (t) => (text += t))).toBe(0);
    const lines = text.trim().split('\n');
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['url', 'title', 'actorId', 'sentence', 'start', 'end', 'selector', 'reason']));
    let summary = '';
    expect(await scanCommand(['--jobs', '1', '--summary', file], (t) => (summary += t))).toBe(0);
    const total = summary.trim().split('\n').map((l) => JSON.parse(l).count as number).reduce((a, b) => a + b, 0);
    expect(total).toBe(lines.length);
    const stderr = { write: () => true };
    const { runScan } = await import('../../cli/scan-command');
    expect(await runScan(['--bogus', file], { write: () => true }, stderr)).toBe(1);
    expect(await runScan(['--jobs', '1', path.join(ROOT, 'no-such-file.html')], { write: () => true }, stderr)).toBe(2);
  });
});
