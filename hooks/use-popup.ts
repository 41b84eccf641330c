// The popup's state and actions, wired to storage and to the tab (a Preact hook: the one place in the
// popup that calls extension APIs; the views in components/popup/ only get its data and callbacks).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ToBackgroundMessage } from '../utils/messages';
import { FACT_BASES } from '../utils/factbase/generated';
import { createRegistry, type FactBaseRegistry } from '../utils/factbase/registry';
import { factbasePageUrl } from '../utils/factbase-page/url';
import { loadBasesInForce } from '../utils/packs/storage';
import { defaultSettings, withSiteEnabled, type Settings } from '../utils/settings/schema';
import { loadSettings, resetSettings, saveSettings, watchSettings } from '../utils/settings/storage';
import { groupPageActors } from '../utils/popup/actor-groups';
import { downloadText, exportFileName, rowsToCsv, rowsToJson } from '../utils/popup/export';
import type { PageState, PopupActions, PopupModel } from '../utils/popup/model';
import { hostnameOf, isRestrictedUrl } from '../utils/popup/restricted';
import { openPanel } from '../utils/panel/open';
import { fetchMentionRows, fetchPageActors, findTargetTab, showMention, type TargetTab } from '../utils/popup/tab-client';

/** How often, and how far apart, the popup asks a tab again that has no content script to answer yet (2 s in all). */
const UNREACHABLE_RETRIES = 8;
const UNREACHABLE_RETRY_MS = 250;

export interface UsePopupOptions {
  search: string;
  /** Closes the toolbar popup (window.close); not called when the popup was opened as a page. */
  close: () => void;
}

export function usePopup({ search, close }: UsePopupOptions): { ready: boolean; model: PopupModel; actions: PopupActions } {
  const [ready, setReady] = useState(false);
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [wasReset, setWasReset] = useState(false);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [hostname, setHostname] = useState('');
  const [status, setStatus] = useState('');
  const tab = useRef<TargetTab | null>(null);
  const registry = useRef<FactBaseRegistry>(createRegistry(FACT_BASES));
  const unreachableRetries = useRef(0);

  const refreshPage = useCallback(async () => {
    const target = tab.current;
    if (!target) {
      setPage({ kind: 'unreachable' });
      return;
    }
    if (target.url && isRestrictedUrl(target.url)) {
      setPage({ kind: 'restricted', url: target.url });
      return;
    }
    const answer = await fetchPageActors(target.tabId);
    if (!answer.ok) {
      setPage({ kind: 'unreachable' });
      // A page still loading has no content script yet (it runs at document_idle, and its app is imported after),
      // and its first "actors changed" may come before this popup listens: ask again a few times.
      if (answer.reason === 'unreachable' && unreachableRetries.current < UNREACHABLE_RETRIES) {
        unreachableRetries.current++;
        setTimeout(() => void refreshPage(), UNREACHABLE_RETRY_MS);
      }
      return;
    }
    unreachableRetries.current = 0;
    const { url, active, actors, bases = [] } = answer.page;
    const host = hostnameOf(url);
    setHostname(host);
    setPage({
      kind: 'ready',
      url,
      hostname: host,
      active,
      groups: groupPageActors(actors, registry.current),
      mentionCount: actors.reduce((n, a) => n + a.count, 0),
      notMarked: bases.filter((b) => !b.about && b.unmarkedActors.length > 0).map(({ title, reason }) => ({ title, reason })),
    });
  }, []);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      const [loaded, target, bases] = await Promise.all([
        loadSettings(),
        findTargetTab(search).catch(() => null),
        loadBasesInForce(),
      ]);
      if (stopped) return;
      registry.current = createRegistry(bases);
      tab.current = target;
      setSettings(loaded.settings);
      setWasReset(loaded.wasReset);
      if (target?.url && !isRestrictedUrl(target.url)) setHostname(hostnameOf(target.url));
      setReady(true);
      await refreshPage();
    })();
    const stopWatching = watchSettings((loaded) => {
      setSettings(loaded.settings);
      // The page re-marks on the same storage event; ask again once it has.
      setTimeout(() => void refreshPage(), 250);
    });
    // A content script tells the background when its page's actors change; the popup hears it too.
    const onMessage = (raw: unknown, sender: { tab?: { id?: number } }) => {
      const parsed = ToBackgroundMessage.safeParse(raw);
      if (parsed.success && parsed.data.type === 'page-actors-changed' && sender.tab?.id === tab.current?.tabId) {
        void refreshPage();
      }
      return undefined; // never answer: the background does
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      stopped = true;
      stopWatching();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [search, refreshPage]);

  const changeSettings = useCallback((next: Settings) => {
    setSettings(next);
    saveSettings(next).catch((e: unknown) => setStatus(`Could not save: ${String(e)}`));
  }, []);

  const actions: PopupActions = {
    changeSettings,
    setEnabled: (enabled) => changeSettings({ ...settings, enabled }),
    setSiteEnabled: (enabled) => {
      if (hostname) changeSettings(withSiteEnabled(settings, hostname, enabled));
    },
    showActor: (actorId) => {
      const target = tab.current;
      if (!target) return;
      void showMention(target.tabId, actorId)
        .then(async () => {
          if (target.asPage) await browser.tabs.update(target.tabId, { active: true });
          else close();
        })
        .catch((e: unknown) => setStatus(`Could not reach the page: ${String(e)}`));
    },
    exportMentions: (format) => {
      const target = tab.current;
      if (!target) return;
      void fetchMentionRows(target.tabId)
        .then((rows) => {
          const text = format === 'json' ? rowsToJson(rows) : rowsToCsv(rows);
          const name = exportFileName(hostname, new Date(), format);
          downloadText(name, text, format === 'json' ? 'application/json' : 'text/csv');
          setStatus(`Exported ${rows.length} mention${rows.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
        })
        .catch((e: unknown) => setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}`));
    },
    openPanel: () => {
      const target = tab.current;
      if (!target) return;
      // Synchronously in the click: both browsers open a panel only in a user gesture.
      openPanel(target.tabId)
        .then(() => (target.asPage ? undefined : close()))
        .catch((e: unknown) => setStatus(`Could not open the side panel: ${e instanceof Error ? e.message : String(e)}`));
    },
    resetSettings: () => {
      setSettings(defaultSettings());
      setWasReset(false);
      void resetSettings();
    },
    dismissNotice: () => {
      setWasReset(false);
      // Storing the cleaned settings replaces the unreadable record, so the notice does not come back.
      changeSettings(settings);
    },
    factbaseUrl: factbasePageUrl(),
  };

  return { ready, model: { settings, wasReset, hostname, page, status }, actions };
}
