// State and actions of the fact-base page (the one place there that calls storage).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { FACT_BASES } from '../utils/factbase/generated';
import { importPack, loadDroppedPacks, loadImportedPacks, removePack, setPackEnabled, watchDroppedPacks, watchStoredPacks } from '../utils/packs/storage';
import { loadSettings } from '../utils/settings/storage';
import { downloadText } from '../utils/popup/export';
import { factbasePageData, type FactbasePageActions, type FactbasePageModel, type ImportState } from '../utils/factbase-page/model';

export function useFactbasePage(initialQuery = ''): { ready: boolean; model: FactbasePageModel; actions: FactbasePageActions } {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState(initialQuery);
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const [data, setData] = useState(() => factbasePageData(FACT_BASES, [], []));

  const reload = useCallback(async () => {
    const [{ packs, unreadable }, { settings }, dropped] = await Promise.all([loadImportedPacks(), loadSettings(), loadDroppedPacks()]);
    setData(factbasePageData(FACT_BASES, packs, settings.disabledPacks, unreadable, dropped));
    setReady(true);
  }, []);

  useEffect(() => {
    void reload();
    const stops = [watchStoredPacks(() => void reload()), watchDroppedPacks(() => void reload())];
    return () => stops.forEach((stop) => stop());
  }, [reload]);

  const actions: FactbasePageActions = {
    setQuery,
    importFile: (file) => {
      void file
        .text()
        .then((text) => importPack(text))
        .then((result) => {
          setImportState(result.ok ? { kind: 'ok', id: result.pack.id } : { kind: 'refused', fileName: file.name, errors: result.errors });
          return reload();
        })
        .catch((e: unknown) => setImportState({ kind: 'refused', fileName: file.name, errors: [`(file): ${String(e)}`] }));
    },
    setPackEnabled: (id, enabled) => void setPackEnabled(id, enabled).then(reload),
    removePack: (id) => void removePack(id).then(reload),
    exportPack: (id) => {
      const factBase = data.factBases.find((fb) => fb.source.id === id);
      if (factBase) downloadText(`${id}.factlens-pack.json`, `${JSON.stringify(factBase, null, 2)}\n`, 'application/json');
    },
  };
  return { ready, model: { ...data, query, importState }, actions };
}
