// The shortcuts as the popup and the welcome page list them, from commands.getAll().
import { describe, expect, it } from 'vitest';
import { shortcutRows } from '../../utils/popup/shortcuts';

describe('shortcut rows', () => {
  it('splits bound keys and marks unbound commands with no keys', () => {
    expect(
      shortcutRows([
        { name: 'next-mention', description: 'Go to the next marked mention', shortcut: 'Alt+Shift+J' },
        { name: 'previous-mention', description: 'Go to the previous marked mention', shortcut: '' },
        { name: 'zoom', description: 'A key that is a plus', shortcut: 'Ctrl++' },
      ]),
    ).toEqual([
      { name: 'next-mention', description: 'Go to the next marked mention', keys: ['Alt', 'Shift', 'J'] },
      { name: 'previous-mention', description: 'Go to the previous marked mention', keys: [] },
      { name: 'zoom', description: 'A key that is a plus', keys: ['Ctrl', '+'] },
    ]);
  });

  it('names the popup command when the browser gives it no description, and drops nameless entries', () => {
    expect(shortcutRows([{ name: '_execute_action', shortcut: 'Alt+Shift+F' }, { description: 'x' }])).toEqual([
      { name: '_execute_action', description: 'Open the Factlens popup', keys: ['Alt', 'Shift', 'F'] },
    ]);
    expect(shortcutRows([{ name: '_execute_browser_action', description: '' }])[0]!.description).toBe('Open the Factlens popup');
  });
});
