// @vitest-environment happy-dom
// "Is this node ours" and "is it never read", each decided once (own-nodes.ts, skip-rules.ts).
import { describe, expect, it } from 'vitest';
import { isInOwnUi, isOwnMutation, isOwnUiTag } from '../../utils/page/own-nodes';
import { isInSkippedSubtree, isSkippedElement } from '../../utils/page/skip-rules';

const records = async (change: () => void): Promise<MutationRecord[]> => {
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((r) => seen.push(...r));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  return [...seen, ...observer.takeRecords()];
};

describe('own nodes', () => {
  it('tells Factlens UI from its marks and from the page', () => {
    expect(isOwnUiTag('FACTLENS-CARD')).toBe(true);
    expect(isOwnUiTag('factlens-mark')).toBe(false);
    expect(isOwnUiTag('factlens')).toBe(false);
    document.body.innerHTML = '<factlens-card><p id="in">x</p></factlens-card><factlens-mark id="m">y</factlens-mark>';
    expect(isInOwnUi(document.getElementById('in')!.firstChild!)).toBe(true);
    expect(isInOwnUi(document.getElementById('m')!.firstChild!)).toBe(false);
    const host = document.querySelector('factlens-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div>card</div>';
    expect(isInOwnUi(shadow.firstChild!.firstChild!)).toBe(true);
  });

  it("drops the card host's own mutations but not marks added or removed", async () => {
    document.body.innerHTML = '<p>Syria</p>';
    const hostAdded = await records(() => document.body.append(document.createElement('factlens-card')));
    expect(hostAdded.length).toBeGreaterThan(0);
    expect(hostAdded.every(isOwnMutation)).toBe(true);
    const markAdded = await records(() => document.querySelector('p')!.append(document.createElement('factlens-mark')));
    expect(markAdded.some(isOwnMutation)).toBe(false);
    const pageText = await records(() => (document.querySelector('p')!.firstChild as Text).appendData('!'));
    expect(pageText.some(isOwnMutation)).toBe(false);
  });
});

describe('skip rules', () => {
  it('skips code, Factlens UI, hidden and editable subtrees, and reads through marks', () => {
    document.body.innerHTML =
      '<code id="a">x</code><factlens-card id="b"></factlens-card><div hidden id="c"><span id="c1">x</span></div>' +
      '<div aria-hidden="true" id="d"></div><div contenteditable="" id="e"></div><div contenteditable="false" id="f"></div>' +
      '<factlens-mark id="g">x</factlens-mark><p id="h">x</p>';
    const el = (id: string) => document.getElementById(id)!;
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => isSkippedElement(el(id)))).toEqual([true, true, true, true, true]);
    expect(['f', 'g', 'h'].map((id) => isSkippedElement(el(id)))).toEqual([false, false, false]);
    expect(isInSkippedSubtree(el('c1').firstChild!)).toBe(true);
    expect(isInSkippedSubtree(el('h').firstChild!)).toBe(false);
  });
});
