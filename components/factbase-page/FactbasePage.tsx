import { createRegistry } from '../../utils/factbase/registry';
import type { FactbasePageActions, FactbasePageModel } from '../../utils/factbase-page/model';
import { searchActors } from '../../utils/factbase-page/search';
import { ActorEntry } from './ActorEntry';
import { PackImport } from './PackImport';
import { PackList } from './PackList';

export interface FactbasePageProps {
  model: FactbasePageModel;
  actions: FactbasePageActions;
}

export function FactbasePage({ model, actions }: FactbasePageProps) {
  const hits = searchActors(model.factBases, model.query);
  const registry = createRegistry(model.factBases);
  const titles = new Map(model.factBases.map((fb) => [fb.source.id, fb.source.title]));
  const anchored = new Set<string>();
  return (
    <div class="fb-page">
      <header class="fb-header">
        <h1>Factlens fact base</h1>
        <p class="fb-muted">Every actor and fact, each with the article's own words.</p>
      </header>
      <main>
        <label class="fb-search">
          <span>Search names, aliases and facts</span>
          <input type="search" value={model.query} onInput={(e) => actions.setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="search" />
        </label>
        {/* The packs and the import come first: a short list, and the one thing to do here besides reading. */}
        <section class="fb-packs-section" aria-labelledby="fb-packs-title">
          <h2 id="fb-packs-title">Fact packs</h2>
          <PackList packs={model.packs} onToggle={actions.setPackEnabled} onRemove={actions.removePack} onExport={actions.exportPack} />
          {model.unreadable.length ? (
            <p class="fb-errors">Some stored packs could not be read and are left out: {model.unreadable.join('; ')}</p>
          ) : null}
          <PackImport state={model.importState} onFile={actions.importFile} />
          <p class="fb-muted">
            A pack is a JSON file shaped like the built-in fact base: its source (id, title, period), its actors (name, kind,
            aliases, facts, each quoting the source verbatim) and the relations between them. A faulty pack is refused with
            the place of each fault, and nothing is stored.
          </p>
        </section>
        <section aria-labelledby="fb-actors-title">
          <h2 id="fb-actors-title">Actors</h2>
          <p class="fb-muted" role="status">
            {hits.length} actor{hits.length === 1 ? '' : 's'}
          </p>
          {hits.map(({ packId, actor }) => {
            const anchorId = anchored.has(actor.id) ? undefined : (anchored.add(actor.id), actor.id);
            return (
              <ActorEntry
                key={`${packId}/${actor.id}`}
                actor={actor}
                packTitle={titles.get(packId) ?? packId}
                anchorId={anchorId}
                nameOf={(id) => registry.actor(id)?.name ?? id}
              />
            );
          })}
        </section>
      </main>
    </div>
  );
}
