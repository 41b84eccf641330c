// The side panel's pure logic: filtering, grouping (pack, then actor), counts that add up, the mention in its
// sentence, the actor's dossier from the registry.
import { describe, expect, it } from 'vitest';
import { FACT_BASES } from '../../utils/factbase/generated';
import { createRegistry } from '../../utils/factbase/registry';
import type { ExportRow } from '../../utils/export/row';
import { actorDossier } from '../../utils/panel/dossier';
import { filterOptions, filterRows, groupRows, keepValidFilter, listOrder, NO_FILTER, rowKey } from '../../utils/panel/rows';
import { sentenceParts } from '../../utils/panel/sentence';

let at = 0;
function row(actorId: string, kind: ExportRow['kind'], pack = 'idlib-2019', over: Partial<ExportRow> = {}): ExportRow {
  at += 10;
  return {
    url: 'https://example.com/a', title: 'A', time: '2026-12-01T10:00:00Z', actorId, actor: actorId.toUpperCase(), kind,
    pack, packTitle: `${pack} title`, surface: actorId, sentence: `About ${actorId}.`, start: at, end: at + actorId.length,
    selector: { type: 'TextQuoteSelector', exact: actorId, prefix: 'About ', suffix: '.' }, rule: 'alias', reason: '', ...over,
  };
}

describe('panel rows', () => {
  const rows = [row('turkey', 'state'), row('russia', 'state'), row('turkey', 'state'), row('idlib', 'place'), row('wagner', 'organisation', 'libya-pack')];

  it('filters by actor, kind and pack, and the counts of the options add up to every row', () => {
    expect(filterRows(rows, { ...NO_FILTER, actorId: 'turkey' }).map((r) => r.actorId)).toEqual(['turkey', 'turkey']);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'state' })).toHaveLength(3);
    expect(filterRows(rows, { ...NO_FILTER, pack: 'libya-pack' }).map((r) => r.actorId)).toEqual(['wagner']);
    expect(filterRows(rows, { actorId: 'turkey', kind: 'place', pack: '' })).toEqual([]);
    const options = filterOptions(rows);
    for (const list of [options.actors, options.kinds, options.packs]) expect(list.reduce((n, o) => n + o.count, 0)).toBe(rows.length);
    expect(options.actors[0]).toEqual({ value: 'turkey', label: 'TURKEY', count: 2 });
  });

  it('groups by pack then actor in order of first mention, and the list order walks every row once', () => {
    const groups = groupRows(rows);
    expect(groups.map((g) => [g.pack, g.count])).toEqual([['idlib-2019', 4], ['libya-pack', 1]]);
    expect(groups[0]!.actors.map((a) => [a.actorId, a.rows.length])).toEqual([['turkey', 2], ['russia', 1], ['idlib', 1]]);
    const order = listOrder(groups);
    expect(order).toHaveLength(rows.length);
    expect(new Set(order.map(rowKey)).size).toBe(rows.length);
    expect(order.map((r) => r.actorId)).toEqual(['turkey', 'turkey', 'russia', 'idlib', 'wagner']);
  });

  it('drops a filter choice that is no longer on the page', () => {
    expect(keepValidFilter({ actorId: 'iran', kind: 'state', pack: 'gone' }, rows)).toEqual({ actorId: '', kind: 'state', pack: '' });
  });
});

describe('a mention in its sentence', () => {
  it('cuts the sentence around the occurrence that the prefix names, when the actor is named twice', () => {
    const r = row('Turkey', 'state', 'p', {
      sentence: 'Turkey said that Turkey would not go.',
      selector: { type: 'TextQuoteSelector', exact: 'Turkey', prefix: 'page text. Turkey said that ', suffix: ' would not go.' },
    });
    expect(sentenceParts(r)).toEqual({ before: 'Turkey said that ', mark: 'Turkey', after: ' would not go.' });
  });

  it('keeps the sentence whole, with nothing marked, when the words are not in it', () => {
    const r = row('Iran', 'state', 'p', { sentence: 'Nothing here.', selector: { type: 'TextQuoteSelector', exact: 'Iran', prefix: '', suffix: '' } });
    expect(sentenceParts(r)).toEqual({ before: 'Nothing here.', mark: '', after: '' });
  });
});

describe("the actor's dossier", () => {
  it('gives every fact with its quote under the article it comes from', () => {
    const registry = createRegistry(FACT_BASES);
    const d = actorDossier(registry, 'wagner-group');
    expect(d?.name).toBe(registry.actor('wagner-group')!.name);
    expect(d!.articles).toHaveLength(1);
    expect(d!.articles[0]!.title).toBe(FACT_BASES[0]!.source.title);
    expect(d!.articles[0]!.facts.map((f) => f.quote)).toEqual(registry.actor('wagner-group')!.facts.map((f) => f.quote));
    expect(actorDossier(registry, 'nobody')).toBeNull();
  });
});
