// The popup's "Make a fact pack from this article": extracts the tab's article and opens the draft page
// (utils/draft-flow/start.ts); a page with no article gets its reason here, not an empty pack.
import { useCallback, useState } from 'preact/hooks';
import { startDraftFromTab } from '../utils/draft-flow/start';
import type { MakePackControl, MakePackState } from '../utils/draft-flow/model';
import { findTargetTab } from '../utils/popup/tab-client';

export function useMakePack(search: string): MakePackControl {
  const [state, setState] = useState<MakePackState>({ kind: 'idle' });
  const make = useCallback(() => {
    setState({ kind: 'working' });
    void (async () => {
      const tab = await findTargetTab(search).catch(() => null);
      if (!tab) return setState({ kind: 'refused', message: 'Factlens cannot reach this page.' });
      const result = await startDraftFromTab(tab.tabId);
      setState(result.ok ? { kind: 'opened' } : { kind: 'refused', message: result.message });
    })().catch((e: unknown) => setState({ kind: 'refused', message: String(e) }));
  }, [search]);
  return { state, make };
}
