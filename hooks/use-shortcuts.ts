// The bound keyboard shortcuts, for the popup and the welcome page (read once when the view opens).
import { useEffect, useState } from 'preact/hooks';
import { readShortcuts, type ShortcutRow } from '../utils/popup/shortcuts';

export function useShortcuts(): ShortcutRow[] | null {
  const [rows, setRows] = useState<ShortcutRow[] | null>(null);
  useEffect(() => {
    readShortcuts().then(setRows, () => setRows([]));
  }, []);
  return rows;
}
