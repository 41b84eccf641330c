import { rowKey } from '../../utils/panel/rows';
import { ActorDossier } from './ActorDossier';
import { MentionList } from './MentionList';
import { PanelFilters } from './PanelFilters';
import type { PanelActions, PanelModel } from './types';

export interface PanelProps {
  model: PanelModel;
  actions: PanelActions;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The dossier side panel: the page's mentions, filters, the current mention's actions, the actor's facts. */
export function Panel({ model, actions }: PanelProps) {
  const { page, view, filter, selected, dossier, status, theme } = model;
  const current = selected === null ? undefined : view.shown.find((r) => rowKey(r) === selected);
  return (
    <main class="fp-panel" data-theme={theme}>
      <header class="fp-header">
        <h1>Factlens</h1>
        {page.kind === 'ready' ? (
          <p class="fp-page" title={page.url}>
            {page.title || page.url}
          </p>
        ) : null}
      </header>
      {page.kind === 'loading' ? <p class="fp-empty">Reading the page…</p> : null}
      {page.kind === 'unreachable' ? (
        <p class="fp-empty" data-testid="panel-unreachable">
          Factlens cannot read this tab: it is a browser page, or the page is still loading.
        </p>
      ) : null}
      {page.kind === 'off' ? (
        <p class="fp-empty" data-testid="panel-off">
          Factlens is off for this page. Turn it on in the popup to see its mentions here.
        </p>
      ) : null}
      {page.kind === 'ready' && view.total === 0 ? (
        <p class="fp-empty" data-testid="panel-none">
          No actor of the story is mentioned on this page.
        </p>
      ) : null}
      {page.kind === 'ready' && view.total > 0 ? (
        <>
          <PanelFilters filter={filter} options={view.options} onChange={actions.setFilter} />
          <div class="fp-summary">
            <p data-testid="panel-count">
              {view.shown.length === view.total
                ? `${plural(view.total, 'mention')} of ${plural(view.options.actors.length, 'actor')}`
                : `${view.shown.length} of ${plural(view.total, 'mention')}`}
            </p>
            <div class="fp-export" role="group" aria-label="Export the mentions shown">
              <button type="button" onClick={() => actions.exportRows('json')} data-testid="panel-export-json">
                JSON
              </button>
              <button type="button" onClick={() => actions.exportRows('csv')} data-testid="panel-export-csv">
                CSV
              </button>
            </div>
          </div>
          <MentionList groups={view.groups} shown={view.shown} selected={selected} onReveal={actions.reveal} onCopy={actions.copyWithSource} />
          <div class="fp-current" role="group" aria-label="The current mention">
            <button type="button" disabled={!current} onClick={() => current && actions.reveal(current)} data-testid="panel-show">
              Show on page
            </button>
            <button type="button" disabled={!current} onClick={() => current && actions.copyWithSource(current)} data-testid="panel-copy">
              Copy with source
            </button>
          </div>
          <p class="fp-keys">
            <kbd>↑</kbd> <kbd>↓</kbd> move and show on the page · <kbd>Enter</kbd> show again · <kbd>C</kbd> copy with source ·{' '}
            <kbd>F6</kbd> the browser's key between page and panel
          </p>
        </>
      ) : null}
      <p class="fp-status" role="status" data-testid="panel-status">
        {status}
      </p>
      {dossier ? <ActorDossier dossier={dossier} /> : null}
    </main>
  );
}
