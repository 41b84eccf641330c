import { afterEach, describe, expect, it, vi } from 'vitest';
import { actorsCommand } from '../../cli/actors';
import { validatePack } from '../../utils/factbase/pack';

function captureStdout() {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  return { text: () => out, spy };
}

afterEach(() => vi.restoreAllMocks());

describe('factlens actors', () => {
  it('prints the compiled fact base as JSON: actors with ids, names, kinds, aliases and quoted facts', async () => {
    const stdout = captureStdout();
    expect(await actorsCommand([])).toBe(0);
    const printed = JSON.parse(stdout.text());
    const wagner = printed.actors.find((a: any) => a.id === 'wagner-group');
    expect(wagner).toMatchObject({ name: 'Wagner group', kind: 'organisation' });
    expect(wagner.aliases.length).toBeGreaterThan(0);
    expect(wagner.facts[0].quote).toContain('Wagner group');
    expect(printed.source.text).toBeUndefined();
  });

  it('--pack prints an importable pack with the article, which validatePack re-checks', async () => {
    const stdout = captureStdout();
    expect(await actorsCommand(['--pack'])).toBe(0);
    const pack = JSON.parse(stdout.text());
    expect(pack.source.text).toContain('Idlib');
    const result = validatePack(pack);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('fails on an unknown pack id or argument', async () => {
    captureStdout();
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await actorsCommand(['--id', 'nope'])).toBe(1);
    expect(await actorsCommand(['--bogus'])).toBe(2);
    expect(stderr).toHaveBeenCalledTimes(2);
  });
});
