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
        <label class="fb-search">
          <span>Search by name or alias</span>
          <input type="search" value={model.query} onInput={(e) => actions.setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="search" />
        </label>
      </header>
      <main>
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
      </main>
      <section class="fb-packs-section" aria-labelledby="fb-packs-title">
        <h2 id="fb-packs-title">Fact packs</h2>
        <PackList packs={model.packs} onToggle={actions.setPackEnabled} onRemove={actions.removePack} onExport={actions.exportPack} />
        {model.unreadable.length ? (
          <p class="fb-errors">Some stored packs could not be read and are left out: {model.unreadable.join('; ')}</p>
        ) : null}
        <PackImport state={model.importState} onFile={actions.importFile} />
        <p class="fb-muted">
          The format is that of the compiled fact base; see docs/fact-packs.md in the project.
        </p>
      </section>
    </div>
  );
}
