// The keyboard shortcuts as the browser bound them, and a button to the browser's page to change them.
import type { ShortcutRow } from '../../utils/popup/shortcuts';

export interface ShortcutListProps {
  rows: ShortcutRow[];
  onOpenSettings(): void;
  /** Heading level of the title: the popup nests it under h1, the welcome page under h2. */
  headingLevel?: 2 | 3;
}

export function ShortcutList({ rows, onOpenSettings, headingLevel = 2 }: ShortcutListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="fl-shortcuts" aria-labelledby="fl-shortcuts-title" data-testid="shortcuts">
      <Heading id="fl-shortcuts-title">Keyboard shortcuts</Heading>
      <dl class="fl-shortcut-list">
        {rows.map((row) => (
          <div class="fl-shortcut" key={row.name} data-command={row.name}>
            <dt>
              {row.keys.length ? (
                row.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 ? '+' : ''}
                    <kbd>{k}</kbd>
                  </span>
                ))
              ) : (
                <span class="fl-unbound">Not set</span>
              )}
            </dt>
            <dd>{row.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="fl-shortcut-settings" onClick={onOpenSettings} data-testid="shortcut-settings">
        Change shortcuts…
      </button>
    </section>
  );
}
