import type { PopupActions, PopupModel } from '../../utils/popup/model';
import { isSiteDisabled } from '../../utils/settings/schema';
import type { ShortcutRow } from '../../utils/popup/shortcuts';
import type { MakePackControl } from '../../utils/draft-flow/model';
import { variantOf } from '../../utils/page/mark-styles';
import { ExportButtons } from './ExportButtons';
import { MakePackButton } from './MakePackButton';
import { MarkLegend } from './MarkLegend';
import { ShortcutList } from './ShortcutList';
import { MainSwitches } from './MainSwitches';
import { OptionsPanel } from './OptionsPanel';
import { NotMarkedNote } from './NotMarkedNote';
import { PageActorsList } from './PageActorsList';
import { emptyReason, PageEmptyState } from './PageEmptyState';
import { ResetNotice } from './ResetNotice';

export interface PopupProps {
  model: PopupModel;
  actions: PopupActions;
  /** The keyboard shortcuts as bound (null while read, absent where the browser has none). */
  shortcuts?: { rows: ShortcutRow[] | null; onOpenSettings(): void };
  /** The welcome page (what the marks mean, the keys), linked from the legend. */
  welcomeUrl?: string;
  /** "Make a fact pack from this article" (hooks/use-make-pack.ts), offered on a page Factlens can read. */
  makePack?: MakePackControl;
}

/** The whole popup: switches, the page's actors, export, options. */
export function Popup({ model, actions, shortcuts, welcomeUrl, makePack }: PopupProps) {
  const { settings, page, hostname } = model;
  const siteEnabled = !hostname || !isSiteDisabled(settings, hostname);
  const reason = emptyReason(page, settings.enabled, siteEnabled);
  return (
    <div class="fl-popup" data-theme={settings.theme}>
      <header class="fl-header">
        <h1>Factlens</h1>
        <a href={actions.factbaseUrl} target="_blank" rel="noopener" class="fl-link">
          Fact base
        </a>
      </header>
      <main>
      {model.wasReset ? <ResetNotice onDismiss={actions.dismissNotice} /> : null}
      <MainSwitches
        enabled={settings.enabled}
        hostname={hostname}
        siteEnabled={siteEnabled}
        onEnabledChange={actions.setEnabled}
        onSiteEnabledChange={actions.setSiteEnabled}
      />
      <div class="fl-legend-row">
        <MarkLegend variant={variantOf(settings)} colours={settings.colours} kinds={settings.kinds} compact />
        {welcomeUrl ? (
          <a href={welcomeUrl} target="_blank" rel="noopener" class="fl-link" data-testid="legend-link">
            What the marks mean
          </a>
        ) : null}
      </div>
      <section class="fl-page" aria-labelledby="fl-page-title">
        <h2 id="fl-page-title">
          On this page
          {page.kind === 'ready' && reason === null ? (
            <span class="fl-muted" data-testid="mention-total">
              {' '}
              · {page.mentionCount} mention{page.mentionCount === 1 ? '' : 's'}
            </span>
          ) : null}
        </h2>
        {reason !== null || page.kind !== 'ready' ? (
          <PageEmptyState reason={reason ?? 'loading'} hostname={hostname} url={page.kind === 'restricted' ? page.url : undefined} />
        ) : (
          <>
            <PageActorsList groups={page.groups} colours={settings.colours} onChoose={actions.showActor} />
            <ExportButtons disabled={false} onExport={actions.exportMentions} />
            {actions.openPanel ? (
              <button type="button" class="fl-open-panel" onClick={actions.openPanel} data-testid="open-panel">
                Every mention, in the side panel
              </button>
            ) : null}
          </>
        )}
        {makePack && page.kind === 'ready' ? <MakePackButton {...makePack} /> : null}
        {page.kind === 'ready' && page.active && page.notMarked?.length ? <NotMarkedNote bases={page.notMarked} /> : null}
        <p class="fl-status" role="status" aria-live="polite" data-testid="status">
          {model.status}
        </p>
      </section>
      {shortcuts?.rows?.length ? <ShortcutList rows={shortcuts.rows} onOpenSettings={shortcuts.onOpenSettings} /> : null}
      <details class="fl-options-box">
        <summary>Options</summary>
        <OptionsPanel settings={settings} onChange={actions.changeSettings} onReset={actions.resetSettings} />
      </details>
      </main>
    </div>
  );
}
