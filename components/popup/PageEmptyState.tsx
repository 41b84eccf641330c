import type { PageState } from '../../utils/popup/model';

export type EmptyReason = 'off' | 'site-off' | 'restricted' | 'unreachable' | 'nothing-found' | 'loading';

export interface PageEmptyStateProps {
  reason: EmptyReason;
  hostname: string;
  /** The tab's address when known (a restricted page's message names what kind of page it is). */
  url?: string;
}

const MESSAGES: Record<EmptyReason, (hostname: string) => { title: string; detail: string }> = {
  loading: () => ({ title: 'Looking at this page…', detail: '' }),
  off: () => ({ title: 'Factlens is off', detail: 'Turn it on above to mark the actors of the story.' }),
  'site-off': (h) => ({ title: `Factlens is off for ${h || 'this site'}`, detail: 'Turn this site on above to see its actors.' }),
  restricted: () => ({
    title: 'Factlens cannot read this page',
    detail: 'Browsers keep extensions out of their own pages and their add-on stores.',
  }),
  unreachable: () => ({
    title: 'Factlens cannot read this page',
    detail:
      'It may be one of the browser’s own pages or an add-on store, where extensions cannot run — or it was opened before Factlens was installed: reload it.',
  }),
  'nothing-found': () => ({ title: 'No actors of the story on this page', detail: 'Nothing here names a person, place or group that the story’s fact base knows.' }),
};

/** What kind of page a restricted address is, in the reader's words (or null when it is not one we know). */
export function restrictedMessage(url: string): { title: string; detail: string } | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
  const shown = url.length > 48 ? `${url.slice(0, 47)}…` : url;
  if (['chrome', 'edge', 'brave', 'opera', 'vivaldi', 'about', 'view-source', 'devtools'].includes(scheme)) {
    return {
      title: 'This is one of the browser’s own pages',
      detail: `Browsers keep extensions out of their own pages (${shown}), so there is nothing to mark here. Open a news page to see its actors.`,
    };
  }
  if (scheme === 'chrome-extension' || scheme === 'moz-extension') {
    return { title: 'This is an extension’s page', detail: 'Browsers keep extensions out of each other’s pages: there is nothing to mark here.' };
  }
  if (scheme === 'file') {
    return { title: 'Factlens does not read files on this computer', detail: 'It runs on web pages (http and https) only: open the page from the web.' };
  }
  if (scheme === 'https' || scheme === 'http') {
    return { title: 'This is an add-on store', detail: `Browsers keep extensions out of their add-on stores (${shown}): there is nothing to mark here.` };
  }
  return null;
}

export function PageEmptyState({ reason, hostname, url }: PageEmptyStateProps) {
  const { title, detail } = (reason === 'restricted' && url ? restrictedMessage(url) : null) ?? MESSAGES[reason](hostname);
  return (
    <div class="fl-empty" data-testid="page-empty" data-reason={reason} role="status">
      <p class="fl-empty-title">{title}</p>
      {detail ? <p class="fl-empty-detail">{detail}</p> : null}
    </div>
  );
}

/** Why the list is empty, or null when there is a list to show. Switches first: they explain the most. */
export function emptyReason(page: PageState, enabled: boolean, siteEnabled: boolean): EmptyReason | null {
  if (page.kind === 'restricted') return 'restricted';
  if (page.kind === 'unreachable') return 'unreachable';
  if (!enabled) return 'off';
  if (!siteEnabled) return 'site-off';
  if (page.kind === 'loading') return 'loading';
  if (!page.active) return 'site-off';
  return page.groups.length === 0 ? 'nothing-found' : null;
}
