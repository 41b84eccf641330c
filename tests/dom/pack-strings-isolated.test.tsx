// @vitest-environment happy-dom
// Issue 16, point 5 (bidi) and issue 11 (several stories): every string from a pack is isolated where it is
// shown (dir="auto" or <bdi>) in the card, the popup, the fact-base page and the review screen, so an Arabic
// pack reads right beside English chrome; and a card for an actor two packs know shows each story's facts
// under its own source, with a link to the article.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { Card } from '../../components/card/Card';
import { DraftReview } from '../../components/draft-review/DraftReview';
import { FactbasePage } from '../../components/factbase-page/FactbasePage';
import { PageActorsList } from '../../components/popup/PageActorsList';
import { createActorEntries, createActorLookup } from '../../utils/card/lookup';
import { factbasePageData } from '../../utils/factbase-page/model';
import { validatePack } from '../../utils/factbase/pack';
import { createRegistry } from '../../utils/factbase/registry';
import type { CompiledFactBase } from '../../utils/factbase/types';
import { groupPageActors } from '../../utils/popup/actor-groups';
import { defaultSettings } from '../../utils/settings/schema';

afterEach(cleanup);

/** A pack in Arabic: every string it shows holds Arabic letters, so a text node with any is a pack string. */
function arabicPack(id: string, url?: string): CompiledFactBase {
  const text = 'قالت روسيا إنها ستواصل دعم الحكومة. وأكدت روسيا موقفها من المفاوضات في جنيف.';
  return {
    formatVersion: 1,
    source: { id, title: `مقال عن روسيا ${id}`, period: 'ديسمبر ٢٠١٩', file: 'مقال', note: 'مصدر واحد', text, site: 'الموقع', published: '2019-12-20', ...(url ? { url } : {}) },
    actors: [
      {
        id: 'russia',
        name: 'روسيا',
        kind: 'state',
        identity: 'دولة تدعم الحكومة',
        identityQuote: 'قالت روسيا إنها ستواصل دعم الحكومة.',
        aliases: [{ text: 'روسيا', caseRule: 'any', ambiguous: false, surname: false }],
        cues: { support: [], contrary: [] },
        givenNames: [],
        facts: [{ id: 'russia/0', text: 'ستواصل روسيا دعم الحكومة', quote: 'قالت روسيا إنها ستواصل دعم الحكومة.', actors: ['russia', 'geneva'], figures: [] }],
        related: [{ actorId: 'geneva', label: 'تفاوض في', quote: 'وأكدت روسيا موقفها من المفاوضات في جنيف.' }],
      },
      {
        id: 'geneva',
        name: 'جنيف',
        kind: 'place',
        identity: 'مدينة المفاوضات',
        identityQuote: 'المفاوضات في جنيف',
        aliases: [{ text: 'جنيف', caseRule: 'any', ambiguous: false, surname: false }],
        cues: { support: [], contrary: [] },
        givenNames: [],
        facts: [{ id: 'geneva/0', text: 'المفاوضات في جنيف', quote: 'وأكدت روسيا موقفها من المفاوضات في جنيف.', actors: ['geneva', 'russia'], figures: [] }],
        related: [{ actorId: 'russia', label: 'مكان مفاوضات', quote: 'وأكدت روسيا موقفها من المفاوضات في جنيف.' }],
      },
    ],
  };
}

const ARABIC = /[\u0600-\u06FF]/;

/** Text nodes holding pack text that are not inside an isolating element. */
function unisolated(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!ARABIC.test(node.textContent ?? '')) continue;
    const parent = node.parentElement;
    if (parent?.closest('option')) continue; // an <option>'s text is its own line in the native list
    if (!parent?.closest('bdi, [dir="auto"]')) out.push(`${parent?.localName}.${parent?.className}: ${node.textContent}`);
  }
  return out;
}

function cardProps(bases: CompiledFactBase[]) {
  return {
    actorId: 'russia',
    mentionKey: 1,
    lookup: createActorLookup(bases),
    entries: createActorEntries(bases),
    mentionStats: () => ({ count: 1, index: 0 }),
    surface: 'روسيا',
    reason: { rule: 'support-cue' as const, evidence: 'الحكومة' },
    pinned: false,
    onTogglePin: vi.fn(),
    onClose: vi.fn(),
    onStep: vi.fn(),
    onOpenFactbase: vi.fn(),
  };
}

describe('pack strings are isolated where they are shown', () => {
  it('the Arabic fixture is a valid pack', () => {
    const r = validatePack(arabicPack('arabic-a'));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('in the card (name, identity, reason, facts, related, source)', () => {
    const { container } = render(<Card {...cardProps([arabicPack('arabic-a', 'https://example.org/a')])} />);
    expect(container.textContent).toMatch(ARABIC);
    expect(unisolated(container)).toEqual([]);
    fireEvent.click(container.querySelector('.quote-toggle, .quote button, button[aria-expanded]')!);
    expect(unisolated(container)).toEqual([]);
  });

  it('in the popup list and its per-pack headings', () => {
    const bases = [arabicPack('arabic-a'), { ...arabicPack('arabic-b'), actors: arabicPack('x').actors.map((a) => ({ ...a, id: `${a.id}-b`, facts: [], related: [] })) }];
    const groups = groupPageActors([{ actorId: 'russia', count: 2 }, { actorId: 'geneva-b', count: 1 }], createRegistry(bases));
    const { container } = render(<PageActorsList groups={groups} colours={defaultSettings().colours} onChoose={vi.fn()} />);
    expect(container.querySelector('.fl-source-title')).not.toBeNull();
    expect(unisolated(container)).toEqual([]);
  });

  it('on the fact-base page (actors and the pack list)', () => {
    const pack = arabicPack('arabic-a');
    const data = factbasePageData([], [{ id: pack.source.id, importedAt: '2030-01-01T00:00:00Z', factBase: pack }], []);
    const actions = { setQuery: vi.fn(), importFile: vi.fn(), setPackEnabled: vi.fn(), removePack: vi.fn(), exportPack: vi.fn() };
    const { container } = render(<FactbasePage model={{ ...data, query: '', importState: { kind: 'idle' } }} actions={actions} />);
    expect(container.querySelectorAll('[data-actor-id]')).toHaveLength(2);
    expect(unisolated(container)).toEqual([]);
  });

  it('on the review screen', () => {
    const actions = {
      renameActor: vi.fn(), removeActor: vi.fn(), mergeActors: vi.fn(), setKind: vi.fn(), removeAlias: vi.fn(),
      setAliasAmbiguous: vi.fn(), removeFact: vi.fn(), draftAnyway: vi.fn(), save: vi.fn(),
    };
    const model = { stage: { kind: 'review' as const, pack: arabicPack('arabic-a', 'https://example.org/a'), notices: [] }, save: { kind: 'idle' as const }, factbaseUrl: '#' };
    const { container } = render(<DraftReview model={model} actions={actions} />);
    expect(unisolated(container)).toEqual([]);
    const inputs = [...container.querySelectorAll<HTMLInputElement>('input[data-testid="actor-name"]')];
    expect(inputs.map((i) => [i.value, i.getAttribute('dir')])).toEqual([['روسيا', 'auto'], ['جنيف', 'auto']]);
  });
});

describe('one actor in two stories', () => {
  it('the card shows each story\'s facts under its source, with a link to the article', () => {
    const first = arabicPack('story-one', 'https://example.org/one');
    const second: CompiledFactBase = {
      ...arabicPack('story-two'),
      actors: arabicPack('story-two').actors.map((a) => (a.id === 'russia' ? { ...a, facts: [{ ...a.facts[0]!, id: 'russia/0', text: 'قصة ثانية عن روسيا' }] } : a)),
    };
    const { container } = render(<Card {...cardProps([first, second])} />);
    const stories = [...container.querySelectorAll('.story')];
    expect(stories.map((s) => s.getAttribute('data-source-id'))).toEqual(['story-one', 'story-two']);
    expect(stories[0]!.querySelector('.source-title')!.textContent).toContain('story-one');
    expect(stories[0]!.querySelector<HTMLAnchorElement>('a.source-link')!.href).toBe('https://example.org/one');
    expect(stories[1]!.querySelector('a.source-link')).toBeNull(); // no address in that pack
    expect(stories[1]!.textContent).toContain('قصة ثانية عن روسيا');
    expect(container.querySelector('.source')!.textContent).toContain('2 articles');
  });

  it('one story: the source line names the article, its site and date, and links to it', () => {
    const { container } = render(<Card {...cardProps([arabicPack('story-one', 'https://example.org/one')])} />);
    expect(container.querySelector('.story')).toBeNull();
    const source = container.querySelector('.source')!;
    expect(source.textContent).toContain('الموقع');
    expect(source.textContent).toContain('2019-12-20');
    expect(source.querySelector<HTMLAnchorElement>('a.source-link')!.href).toBe('https://example.org/one');
  });
});
