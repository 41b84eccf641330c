// @vitest-environment happy-dom
// A second built-in fact base, as `npm run factbase` would emit it for a second article under assets/: a tiny
// article and spec made here (nothing shipped), validated and compiled like the real one, then added to
// FACT_BASES. Every place that lists or names actors must show it: the CLI (actors, scan), the engine's
// matcher, the bases the content script and the card use, the popup's groups and the fact-base page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompiledFactBase } from '../../utils/factbase/types';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const HARBOUR_ARTICLE =
  'The Port Authority of Velmora closed the northern harbour on Tuesday. ' +
  'Mayor Ilse Brandt said the harbour would reopen once the storm had passed.';

vi.mock('../../utils/factbase/generated', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/factbase/generated')>();
  const { validateSpec } = await import('../../utils/factbase/validate');
  const spec = {
    source: {
      id: 'velmora-harbour',
      title: 'Velmora closes its northern harbour',
      period: 'a test week',
      file: 'assets/articles/velmora-harbour.txt',
      note: 'A made-up article for a test.',
    },
    actors: [
      {
        id: 'velmora-port-authority',
        name: 'Port Authority of Velmora',
        kind: 'organisation',
        identity: 'The body that runs the harbour',
        identityQuote: 'The Port Authority of Velmora closed the northern harbour',
        aliases: [{ text: 'Port Authority of Velmora', caseRule: 'proper' }],
        facts: [{ text: 'It closed the northern harbour.', quote: 'The Port Authority of Velmora closed the northern harbour on Tuesday.' }],
      },
      {
        id: 'ilse-brandt',
        name: 'Ilse Brandt',
        kind: 'person',
        identity: 'Mayor',
        identityQuote: 'Mayor Ilse Brandt',
        aliases: [{ text: 'Ilse Brandt', caseRule: 'proper' }],
        facts: [{ text: 'She said the harbour would reopen.', quote: 'Mayor Ilse Brandt said the harbour would reopen once the storm had passed.' }],
      },
    ],
  };
  const built = validateSpec(spec, HARBOUR_ARTICLE);
  if (!built.ok) throw new Error(built.errors.join('\n'));
  return { ...real, FACT_BASES: [...real.FACT_BASES, built.factBase] };
});

const { FACT_BASES } = await import('../../utils/factbase/generated');
const { actorsCommand } = await import('../../cli/actors');
const { scanCommand, scanContent } = await import('../../cli/scan');
const { compileMatcher, findMentions } = await import('../../utils/engine');
const { createRegistry } = await import('../../utils/factbase/registry');
const { loadBasesInForce, importPack } = await import('../../utils/packs/storage');
const { createActorLookup } = await import('../../utils/card/lookup');
const { groupPageActors } = await import('../../utils/popup/actor-groups');
const { PageActorsList } = await import('../../components/popup/PageActorsList');
const { factbasePageData } = await import('../../utils/factbase-page/model');
const { FactbasePage } = await import('../../components/factbase-page/FactbasePage');
const { defaultSettings } = await import('../../utils/settings/schema');

const SECOND = FACT_BASES[1] as CompiledFactBase;
const PAGE = `Russia and Turkey met again. ${HARBOUR_ARTICLE} Ilse Brandt thanked Turkey.`;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a second built-in fact base', () => {
  it('is built in after the article’s own', () => {
    expect(FACT_BASES.map((b) => b.source.id)).toEqual(['idlib-2019', 'velmora-harbour']);
  });

  it('CLI: `factlens actors --all` and `--id` print it', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    expect(await actorsCommand(['--all'])).toBe(0);
    expect(JSON.parse(out).map((b: CompiledFactBase) => b.source.id)).toEqual(['idlib-2019', 'velmora-harbour']);
    out = '';
    expect(await actorsCommand(['--id', 'velmora-harbour'])).toBe(0);
    expect(JSON.parse(out).actors.map((a: { name: string }) => a.name)).toEqual(['Port Authority of Velmora', 'Ilse Brandt']);
  });

  it('CLI: `factlens scan` finds and names its actors beside the first base’s', async () => {
    // The page is about both stories (issue 12: two actors of a base named fewer than five times in all are
    // named in passing): Syria added for the first, the harbour article twice for the second.
    const page = `Syria. ${PAGE} ${HARBOUR_ARTICLE}`;
    const rows = scanContent('page.txt', page);
    expect(rows.filter((r) => r.actorId === 'ilse-brandt').map((r) => r.actor)).toEqual(Array(3).fill('Ilse Brandt'));
    expect(rows.some((r) => r.actorId === 'velmora-port-authority' && r.actor === 'Port Authority of Velmora')).toBe(true);
    expect(rows.some((r) => r.actorId === 'turkey')).toBe(true);
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/factlens-`);
    await writeFile(`${dir}/page.txt`, page);
    const lines: string[] = [];
    // One thread: worker threads load the real generated bases, not this test's mock.
    expect(await scanCommand([`${dir}/page.txt`, '--summary', '--jobs', '1'], (l) => lines.push(l))).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toContainEqual({ actorId: 'ilse-brandt', actor: 'Ilse Brandt', count: 3 });
  });

  it('engine: the matcher compiled from the bases in force finds it and names it', () => {
    const matcher = compileMatcher(FACT_BASES);
    expect(findMentions(PAGE, matcher).map((m) => m.actorId)).toEqual([
      'russia', 'turkey', 'velmora-port-authority', 'ilse-brandt', 'ilse-brandt', 'turkey',
    ]);
    expect(matcher.registry.sourceOf('ilse-brandt')?.title).toBe('Velmora closes its northern harbour');
  });

  it('content script and card: the bases in force hold it, and the card’s lookup gives its actor and source', async () => {
    const bases = await loadBasesInForce();
    expect(bases.map((b) => b.source.id)).toEqual(['idlib-2019', 'velmora-harbour']);
    const entry = createActorLookup(bases)('velmora-port-authority');
    expect(entry?.actor.facts[0]?.quote).toContain('closed the northern harbour');
    expect(entry?.source.title).toBe('Velmora closes its northern harbour');
    // A pack may not take its id: it is built in.
    const taken = await importPack(JSON.stringify(SECOND));
    expect(taken.ok ? [] : taken.errors).toEqual([expect.stringContaining('built-in')]);
  });

  it('popup: its actors are grouped under its own title, by kind, never as "Other"', () => {
    const found = [
      { actorId: 'turkey', count: 2 },
      { actorId: 'ilse-brandt', count: 2 },
      { actorId: 'velmora-port-authority', count: 1 },
    ];
    const groups = groupPageActors(found, createRegistry(FACT_BASES));
    expect(groups.map((g) => [g.source?.title, g.label, g.actors.map((a) => a.name)])).toEqual([
      ['Trump calls for Moscow, Damascus and Tehran to stop the violence in Idlib', 'States', ['Turkey']],
      ['Velmora closes its northern harbour', 'People', ['Ilse Brandt']],
      ['Velmora closes its northern harbour', 'Organisations', ['Port Authority of Velmora']],
    ]);
    render(<PageActorsList groups={groups} colours={defaultSettings().colours} onChoose={() => {}} />);
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings).toEqual([
      'Trump calls for Moscow, Damascus and Tehran to stop the violence in Idlib',
      'States',
      'Velmora closes its northern harbour',
      'People',
      'Organisations',
    ]);
    expect(headings).not.toContain('Other');
  });

  it('fact-base page: lists it as a built-in pack and shows its actors', () => {
    const data = factbasePageData(FACT_BASES, [], []);
    const actions = { setQuery: vi.fn(), importFile: vi.fn(), setPackEnabled: vi.fn(), removePack: vi.fn(), exportPack: vi.fn() };
    render(<FactbasePage model={{ ...data, query: 'brandt', importState: { kind: 'idle' } }} actions={actions} />);
    const pack = within(screen.getByTestId('pack-list')).getByText('Velmora closes its northern harbour').closest('li')!;
    expect(pack.getAttribute('data-pack-id')).toBe('velmora-harbour');
    expect(pack.textContent).toContain('built in');
    expect(pack.textContent).toContain('2 actors');
    const shown = [...document.querySelectorAll('[data-actor-id]')].map((e) => e.getAttribute('data-actor-id'));
    expect(shown).toEqual(['ilse-brandt']);
  });
});
