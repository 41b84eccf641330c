// The content script's stylesheet, entrypoints/content/style.css (the ::highlight() rules the manifest
// declares), is generated from markStylesheet() (utils/page/mark-styles.ts) and never tracked or edited by
// hand: scripts/build-content-css.ts writes it on install and before every build, typecheck and unit run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markStylesheet } from '../../utils/page/mark-styles';
import { REPO_ROOT } from './paths';

export const CONTENT_CSS = path.join(REPO_ROOT, 'entrypoints/content/style.css');

/** Writes the stylesheet to `target`; true when it wrote, false when the file already held it. */
export function writeContentCss(target: string = CONTENT_CSS): boolean {
  const css = markStylesheet();
  // Leave an unchanged file alone so watchers and builds are not retriggered for nothing.
  if (existsSync(target) && readFileSync(target, 'utf8') === css) return false;
  writeFileSync(target, css);
  return true;
}
