// Where things are, relative to the repository (never a machine's absolute path).
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT_DIR = path.resolve(REPO_ROOT, process.env.FACTLENS_OUT_DIR ?? '.output');
export const CHROME_DIST = path.join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_DIST = path.join(OUT_DIR, 'firefox-mv2');
/** The shared real news pages, beside the repository (../shared). */
export const SHARED_PAGES = path.resolve(REPO_ROOT, '../shared/fixtures/pages');
export const PROJECT_PAGES = path.join(REPO_ROOT, 'tests/fixtures/pages');
