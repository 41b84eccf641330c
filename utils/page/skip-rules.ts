// What is never read (nor marked): code, scripts, styles, form fields, media, Factlens's own UI, and whatever
// is hidden (hidden, aria-hidden="true") or editable (contenteditable, designMode). Decided by tag name and
// attributes only, never layout, so the browser and the CLI (happy-dom) skip the same.
import { isOwnUiTag } from './own-nodes';

/** Elements whose content is never read (and everything inside them). */
export const SKIPPED_TAGS = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'NOEMBED', 'NOFRAMES', 'RP', 'DATALIST',
]);

/** Whether elements of this tag (upper case) are never read, whatever their attributes. */
export function isSkippedTag(upperTag: string): boolean {
  return SKIPPED_TAGS.has(upperTag) || isOwnUiTag(upperTag);
}

/** Whether an element's attributes hide it or make it editable. */
export function isHiddenOrEditable(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** Whether an element's subtree is never read (not counting its ancestors). */
export function isSkippedElement(el: Element): boolean {
  return isSkippedTag(el.tagName.toUpperCase()) || isHiddenOrEditable(el);
}

/** Whether a node lies in a skipped subtree (itself or an ancestor, across open shadow roots). */
export function isInSkippedSubtree(node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === 1 && isSkippedElement(current as Element)) return true;
    const parent: Node | null = current.parentNode;
    // A shadow root's parentNode is null: continue from its host.
    current = parent ?? (current.nodeType === 11 ? ((current as ShadowRoot).host ?? null) : null);
  }
  const doc = node.ownerDocument;
  return !!doc && doc.designMode === 'on';
}
