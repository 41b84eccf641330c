// The side panel's state and actions, wired to the tab and to storage (the one place in the panel that calls
// extension APIs; components/panel/ only get data and callbacks). It follows the page live: the top frame's
// 'page-actors-changed' (sent on every change of the mentions, heard by every extension page), the settings,
// and, without a ?tab=N, the active tab of the panel's window (tabs.onActivated / onUpdated need no "tabs"
// permission for the ids and the loading status, which is all that is read).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PanelActions, PanelModel, PanelPage, PanelView } from '../components/panel/types';
import { citeRow } from '../utils/export/cite';
import { rowsToCsv, rowsToJson } from '../utils/export/serialise';
import { FACT_BASES } from '../utils/factbase/generated';
import { createRegistry, type FactBaseRegistry } from '../utils/factbase/registry';
import { ToBackgroundMessage } from '../utils/messages';
import { askTab } from '../utils/messaging';
import { loadBasesInForce } from '../utils/packs/storage';
import { actorDossier } from '../utils/panel/dossier';
import { filterOptions, filterRows, groupRows, keepValidFilter, listOrder, NO_FILTER, rowKey, type PanelFilter } from '../utils/panel/rows';
import { downloadText, exportFileName } from '../utils/popup/export';
import { hostnameOf } from '../utils/popup/restricted';
import { fetchMentionRows, fetchPageActors } from '../utils/popup/tab-client';
import { defaultSettings, type Settings } from '../utils/settings/schema';
import { loadSettings, watchSettings } from '../utils/settings/storage';
import type { ExportRow } from '../utils/export/row';

/** ?tab=N pins the panel to a tab (tests, or a panel opened as a page); otherwise it follows the active tab. */
function pinnedTab(search: string): number | null | undefined {
  const param = new URLSearchParams(search).get('tab');
  if (param === null) return undefined;
  const id = Number(param);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

export function usePanel(search: string): { model: PanelModel; actions: PanelActions } {
  const [page, setPage] = useState<PanelPage>({ kind: 'loading' });
  const [filter, setFilterState] = useState<PanelFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [theme, setTheme] = useState<Settings['theme']>(defaultSettings().theme);
  const [registry, setRegistry] = useState<FactBaseRegistry>(() => createRegistry(FACT_BASES));
  const tab = useRef<number | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const tabId = tab.current;
    const mine = ++generation.current; // a slower, older answer never overwrites a newer one
    if (tabId === null) {
      setPage({ kind: 'unreachable' });
      return;
    }
    const answer = await fetchPageActors(tabId);
    if (mine !== generation.current) return;
    if (!answer.ok) {
      setPage({ kind: 'unreachable' });
      return;
    }
    if (!answer.page.active) {
      setPage({ kind: 'off', url: answer.page.url });
      return;
    }
    try {
      const rows = await fetchMentionRows(tabId);
      if (mine !== generation.current) return;
      setPage({ kind: 'ready', url: answer.page.url, title: rows[0]?.title ?? '', rows });
      setFilterState((f) => keepValidFilter(f, rows));
      setSelected((key) => (key !== null && rows.some((r) => rowKey(r) === key) ? key : null));
    } catch (e) {
      if (mine === generation.current) setStatus(`The page's mentions could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Changes come in bursts (a live page, a rescan): one read after they settle.
    const soon = (ms = 150) => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), ms);
    };
    const pinned = pinnedTab(search);
    let windowId: number | undefined;
    void (async () => {
      const [settings, bases] = await Promise.all([loadSettings(), loadBasesInForce()]);
      if (stopped) return;
      setTheme(settings.settings.theme);
      setRegistry(createRegistry(bases));
      if (pinned !== undefined) tab.current = pinned;
      else {
        const win = await browser.windows.getCurrent().catch(() => undefined);
        windowId = win?.id;
        const [active] = await browser.tabs.query({ active: true, currentWindow: true });
        tab.current = active?.id ?? null;
      }
      await refresh();
    })();

    const onMessage = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
      const parsed = ToBackgroundMessage.safeParse(raw);
      if (parsed.success && parsed.data.type === 'page-actors-changed' && sender.frameId === 0 && sender.tab?.id === tab.current) soon();
      return undefined; // never answer: the background does
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (pinned !== undefined || (windowId !== undefined && info.windowId !== windowId)) return;
      tab.current = info.tabId;
      setPage({ kind: 'loading' });
      setFilterState(NO_FILTER);
      setSelected(null);
      soon(0);
    };
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (tabId !== tab.current || !change.status) return;
      if (change.status === 'loading') setPage({ kind: 'loading' });
      else soon();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const stopWatching = watchSettings((loaded) => {
      setTheme(loaded.settings.theme);
      soon(250); // the page re-marks on the same storage event; read once it has
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopWatching();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [search, refresh]);

  const rows = page.kind === 'ready' ? page.rows : [];
  const view: PanelView = useMemo(() => {
    const groups = groupRows(filterRows(rows, filter));
    return { total: rows.length, groups, shown: listOrder(groups), options: filterOptions(rows) };
  }, [rows, filter]);

  const current = selected === null ? undefined : rows.find((r) => rowKey(r) === selected);
  const dossierActor = filter.actorId || current?.actorId || '';
  const dossier = useMemo(() => (dossierActor ? actorDossier(registry, dossierActor) : null), [registry, dossierActor]);

  const actions: PanelActions = {
    setFilter: (next) => {
      setFilterState(next);
      setStatus('');
    },
    reveal: (row: ExportRow) => {
      setSelected(rowKey(row));
      const tabId = tab.current;
      if (tabId === null) return;
      void askTab(tabId, { type: 'reveal-mention', actorId: row.actorId, start: row.start, end: row.end, exact: row.selector.exact })
        .then((done) => setStatus(done.ok ? '' : 'That mention is no longer on the page.'))
        .catch((e: unknown) => setStatus(`Could not reach the page: ${String(e)}`));
    },
    copyWithSource: (row) => {
      navigator.clipboard
        .writeText(citeRow(row))
        .then(() => setStatus(`Copied “${row.surface}” with its source.`))
        .catch((e: unknown) => setStatus(`Could not copy: ${String(e)}`));
    },
    exportRows: (format) => {
      const shown = view.shown;
      const url = page.kind === 'ready' ? page.url : '';
      const name = exportFileName(hostnameOf(url), new Date(), format);
      downloadText(name, format === 'json' ? rowsToJson(shown) : rowsToCsv(shown), format === 'json' ? 'application/json' : 'text/csv');
      setStatus(`Exported ${shown.length} mention${shown.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
    },
  };

  return { model: { page, view, filter, selected, dossier, status, theme }, actions };
}
