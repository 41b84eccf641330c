import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { validatePack } from '../../utils/factbase/pack';
import { SHARED_PAGES } from '../../scripts/lib/paths';

const HAVE_SHARED = existsSync(SHARED_PAGES);
if (!HAVE_SHARED) console.warn(`drafter CLI: the shared pages are absent (${SHARED_PAGES}): their cases are skipped`);

const BIN = fileURLToPath(new URL('../../bin/factlens.mjs', import.meta.url));
const SEED = fileURLToPath(new URL('../../assets/articles/idlib-2019.txt', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'draft', ...args], { encoding: 'utf8' });

describe('factlens draft', () => {
  it('prints a valid pack for a .txt article on stdout, exit 0', () => {
    const r = run(SEED);
    expect(r.status, r.stderr).toBe(0);
    const pack = JSON.parse(r.stdout);
    expect(validatePack(pack).ok).toBe(true);
    expect(pack.source.text.length).toBeGreaterThan(2000);
    expect(pack.actors.map((a: { name: string }) => a.name)).toContain('Ibrahim Kalin');
  }, 60_000);

  it.skipIf(!HAVE_SHARED)('drafts a saved .html news page through Readability, with the page\'s title and byline', () => {
    const r = run(path.join(SHARED_PAGES, 'nytimes-1.html'));
    expect(r.status, r.stderr).toBe(0);
    const pack = JSON.parse(r.stdout);
    expect(pack.source).toMatchObject({ title: 'United States to Lift Sudan Sanctions', byline: 'Jeffrey Gettleman' });
    expect(pack.actors.some((a: { name: string }) => a.name === 'Sudan')).toBe(true);
  }, 60_000);

  it.skipIf(!HAVE_SHARED)('says why on stderr and exits non-zero: missing file, foreign language, no argument', () => {
    const missing = run('/nonexistent/article.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    expect(missing.stdout).toBe('');
    const german = run(path.join(SHARED_PAGES, 'heise.html'));
    expect(german.status).toBe(1);
    expect(german.stderr).toMatch(/does not look English/);
    expect(run().status).toBe(2);
  }, 60_000);
});
