import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, rowsToCsv, rowsToJson } from '../../utils/popup/export';
import { hostnameOf, isRestrictedUrl } from '../../utils/popup/restricted';
import { groupPageActors } from '../../utils/popup/actor-groups';
import { createRegistry } from '../../utils/factbase/registry';
import type { MentionRow } from '../../utils/messages';
import { exportRow } from '../../utils/export/row';
import { CSV_COLUMNS } from '../../utils/export/serialise';
import { FACT_BASES } from '../../utils/factbase/generated';
import type { CompiledFactBase } from '../../utils/factbase/types';

const rows: MentionRow[] = [
  exportRow({ url: 'https://x.test/a', title: 'A', time: '2026-01-01T00:00:00.000Z' }, 'Ankara said "stop", then left.', { start: 0, end: 6, actorId: 'turkey', surface: 'Ankara' }, createRegistry(FACT_BASES)),
];

describe('export', () => {
  it('writes the one export row: CSV with a BOM and every column, JSON with every field', () => {
    const csv = rowsToCsv(rows);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Ankara said ""stop"", then left."');
    expect(JSON.parse(rowsToJson(rows))).toEqual(rows);
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('names the file after the site and the time', () => {
    expect(exportFileName('news.example.com', new Date('2026-11-03T10:20:30Z'), 'csv')).toBe('factlens-news.example.com-2026-11-03T10-20-30.csv');
    expect(exportFileName('', new Date('2026-11-03T10:20:30Z'), 'json')).toBe('factlens-page-2026-11-03T10-20-30.json');
  });
});

describe('restricted pages', () => {
  it.each([
    ['chrome://settings', true],
    ['about:blank', true],
    ['chrome-extension://abc/popup.html', true],
    ['file:///home/a.html', true],
    ['https://chromewebstore.google.com/detail/x', true],
    ['https://chrome.google.com/webstore/category', true],
    ['https://addons.mozilla.org/en-US/firefox/', true],
    ['https://www.bbc.com/news', false],
    ['http://127.0.0.1:8080/a', false],
  ])('%s → %s', (url, restricted) => {
    expect(isRestrictedUrl(url)).toBe(restricted);
  });

  it('reads hostnames', () => {
    expect(hostnameOf('https://News.example.com:8080/x')).toBe('news.example.com');
    expect(hostnameOf('nonsense')).toBe('');
  });
});

describe('grouping the page’s actors', () => {
  const fb = {
    formatVersion: 1,
    source: { id: 's', title: 't', period: 'p', file: 'f', note: 'n' },
    actors: [
      { id: 'a', name: 'Alpha', kind: 'person' },
      { id: 'b', name: 'Beta', kind: 'person' },
      { id: 'c', name: 'Gamma', kind: 'event' },
    ],
  } as unknown as CompiledFactBase;

  it('groups by kind in a fixed order, most mentioned first, unknown ids under Other, zero counts left out', () => {
    const groups = groupPageActors(
      [
        { actorId: 'c', count: 1 },
        { actorId: 'a', count: 1 },
        { actorId: 'b', count: 4 },
        { actorId: 'zz', count: 2 },
        { actorId: 'gone', count: 0 },
      ],
      createRegistry([fb]),
    );
    expect(groups.map((g) => [g.label, g.actors.map((a) => `${a.name}:${a.count}`)])).toEqual([
      ['People', ['Beta:4', 'Alpha:1']],
      ['Events', ['Gamma:1']],
      ['Other', ['zz:2']],
    ]);
  });
});
