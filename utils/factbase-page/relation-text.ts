// A relation as a sentence that reads right from either side. Labels are written from one actor's side
// ("supports the forces of", "is backed by"), so "<this actor> <label> <other actor>" reads well when the
// label ends where the other actor's name belongs. A few labels carry the object inside them ("called on
// to stop the violence": called on Russia to stop…; "has operating in it": has Wagner operating in it):
// the name goes into that slot instead.
export interface RelationText {
  /** Words between this actor's name and the other's. */
  before: string;
  /** Words after the other actor's name ('' when it ends the sentence). */
  after: string;
}

const SLOTS: { pattern: RegExp; split(m: RegExpExecArray): RelationText }[] = [
  // "called on to stop the violence", "urged to …", "asked to …": the object comes before "to".
  { pattern: /^(.*\b(?:called on|calls on|urged|urges|asked|asks|pressed|presses))\s+(to\b.*)$/i, split: (m) => ({ before: m[1]!, after: m[2]! }) },
  // "has operating in it", "has working in it": the object comes after "has".
  { pattern: /^(has|have|had)\s+(\w+ing\b.*\bit)$/i, split: (m) => ({ before: m[1]!, after: m[2]! }) },
];

/** A label that ends where a name belongs ("… by", "… of", "warned against, as \"mercenaries\","). */
const ENDS_BEFORE_NAME = /(?:\b(?:by|of|to|with|in|on|for|from|against|despite|at|into|as)|,)$/i;

export function relationText(label: string): RelationText {
  const text = label.trim();
  if (ENDS_BEFORE_NAME.test(text)) return { before: text, after: '' };
  for (const slot of SLOTS) {
    const m = slot.pattern.exec(text);
    if (m) return slot.split(m);
  }
  return { before: text, after: '' };
}

/** The whole sentence, for tests and plain-text uses. */
export function relationSentence(subject: string, label: string, object: string): string {
  const { before, after } = relationText(label);
  return [subject, before, object, after].filter(Boolean).join(' ');
}
