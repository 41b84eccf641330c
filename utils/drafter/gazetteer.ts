// A small gazetteer curated by hand for the drafter from public-domain facts (country names, capitals,
// demonyms; well-known international bodies and their acronyms). Written for this project, so no data-set
// licence applies. It is deliberately short: the states and bodies that news articles name most often.
// The rows are data, in gazetteer-rows.json, one string a row:
//   states: name | other names | capital(s) | adjectives/demonyms | acronyms (written exactly);
//   bodies: name | acronyms | other names.

import ROWS from './gazetteer-rows.json';

export interface StateEntry {
  readonly name: string;
  readonly otherNames: readonly string[];
  readonly capitals: readonly string[];
  readonly demonyms: readonly string[];
  readonly acronyms: readonly string[];
}

export interface BodyEntry {
  readonly name: string;
  readonly acronyms: readonly string[];
  readonly otherNames: readonly string[];
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);

export const STATES: readonly StateEntry[] = ROWS.states.map((row) => {
  const [name, other, capitals, demonyms, acronyms] = row.split('|');
  return {
    name: name!.trim(),
    otherNames: list(other),
    capitals: list(capitals),
    demonyms: list(demonyms),
    acronyms: list(acronyms),
  };
});

export const BODIES: readonly BodyEntry[] = ROWS.bodies.map((row) => {
  const [name, acronyms, other] = row.split('|');
  return { name: name!.trim(), acronyms: list(acronyms), otherNames: list(other) };
});

export type GazetteerRole = 'name' | 'other' | 'capital' | 'demonym' | 'acronym';
export interface GazetteerHit {
  readonly kind: 'state' | 'organisation';
  readonly canonical: string;
  readonly role: GazetteerRole;
}

/** Every gazetteer form, written as articles write it, to its entry. Acronyms are matched exactly. */
export const GAZETTEER: ReadonlyMap<string, GazetteerHit> = (() => {
  const map = new Map<string, GazetteerHit>();
  const put = (form: string, hit: GazetteerHit) => {
    if (!map.has(form)) map.set(form, hit);
  };
  for (const s of STATES) {
    put(s.name, { kind: 'state', canonical: s.name, role: 'name' });
    for (const f of s.otherNames) put(f, { kind: 'state', canonical: s.name, role: 'other' });
    for (const f of s.capitals) put(f, { kind: 'state', canonical: s.name, role: 'capital' });
    for (const f of s.demonyms) put(f, { kind: 'state', canonical: s.name, role: 'demonym' });
    for (const f of s.acronyms) put(f, { kind: 'state', canonical: s.name, role: 'acronym' });
  }
  for (const b of BODIES) {
    put(b.name, { kind: 'organisation', canonical: b.name, role: 'name' });
    for (const f of b.acronyms) put(f, { kind: 'organisation', canonical: b.name, role: 'acronym' });
    for (const f of b.otherNames) put(f, { kind: 'organisation', canonical: b.name, role: 'other' });
  }
  return map;
})();

/** The entry of a canonical name, for its full set of forms. */
export function gazetteerForms(canonical: string): { forms: string[]; acronyms: string[] } {
  const s = STATES.find((e) => e.name === canonical);
  if (s) return { forms: [s.name, ...s.otherNames, ...s.capitals, ...s.demonyms], acronyms: [...s.acronyms] };
  const b = BODIES.find((e) => e.name === canonical);
  if (b) return { forms: [b.name, ...b.otherNames], acronyms: [...b.acronyms] };
  return { forms: [canonical], acronyms: [] };
}
