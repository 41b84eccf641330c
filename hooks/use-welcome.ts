// The welcome page's state: the settings (the switches it offers change the real ones) and the bound keys.
import { useEffect, useState } from 'preact/hooks';
import { defaultSettings, type Settings } from '../utils/settings/schema';
import { loadSettings, updateSettings, watchSettings } from '../utils/settings/storage';
import { openShortcutSettings, type ShortcutRow } from '../utils/popup/shortcuts';
import { useShortcuts } from './use-shortcuts';

export interface WelcomeModel {
  settings: Settings;
  shortcuts: ShortcutRow[] | null;
}

export interface WelcomeActions {
  setEnabled(enabled: boolean): void;
  setMarkStyle(markStyle: Settings['markStyle']): void;
  openShortcutSettings(): void;
}

export function useWelcome(): { ready: boolean; model: WelcomeModel; actions: WelcomeActions } {
  const [ready, setReady] = useState(false);
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const shortcuts = useShortcuts();
  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setReady(true);
    });
    return watchSettings((loaded) => setSettings(loaded.settings));
  }, []);
  const change = (edit: (s: Settings) => Settings) => {
    setSettings(edit);
    void updateSettings(edit);
  };
  return {
    ready,
    model: { settings, shortcuts },
    actions: {
      setEnabled: (enabled) => change((s) => ({ ...s, enabled })),
      setMarkStyle: (markStyle) => change((s) => ({ ...s, markStyle })),
      openShortcutSettings: () => void openShortcutSettings().catch(() => {}),
    },
  };
}
