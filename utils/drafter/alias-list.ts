// The aliases of a drafted actor, with the flags the engine understands (docs/fact-packs.md): names and
// demonyms `proper`, acronyms `exact`, a surname `surname: true` with the given names and titles that
// confirm it, a head noun ("Committee") `ambiguous: true` with the other words of the full name as cues.
import type { CompiledAlias } from '../factbase/types';
import type { Cluster } from './aliases';
import { gazetteerForms, STATES } from './gazetteer';
import { NAME_PARTICLES, TITLES } from './lexicon';

export interface AliasSet {
  aliases: CompiledAlias[];
  givenNames: string[];
  cues: { support: string[]; contrary: string[] };
}

const alias = (text: string, caseRule: CompiledAlias['caseRule'], ambiguous = false, surname = false): CompiledAlias => ({
  text,
  caseRule,
  ambiguous,
  surname,
});

const isAcronym = (s: string) => /^[\p{Lu}\p{N}.&]+$/u.test(s) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(s);

export function aliasSet(cluster: Cluster, text: string): AliasSet {
  const out: CompiledAlias[] = [];
  const seen = new Set<string>();
  const put = (a: CompiledAlias) => {
    if (seen.has(a.text)) return;
    seen.add(a.text);
    out.push(a);
  };
  const used = new Set(cluster.mentions.map((m) => m.text.replace(/\s+/g, ' ')));
  const givenNames: string[] = [];
  const support: string[] = [];

  if (cluster.canonical !== undefined) {
    const { forms, acronyms } = gazetteerForms(cluster.canonical);
    const capitals = STATES.find((s) => s.name === cluster.canonical)?.capitals ?? [];
    for (const f of forms) {
      // A capital stands for a government only where the article uses it so: others are left out.
      if (capitals.includes(f) && !used.has(f)) continue;
      put(alias(f, 'proper'));
    }
    for (const a of acronyms) put(alias(a, 'exact'));
    for (const u of used) put(alias(u, isAcronym(u) ? 'exact' : 'proper'));
    return { aliases: out, givenNames, cues: { support, contrary: [] } };
  }

  const full = [...used].filter((u) => u.split(/\s+/).length >= 2).sort((a, b) => b.length - a.length);
  if (cluster.kind === 'person') {
    for (const f of full) put(alias(f, 'proper'));
    const surname = surnameOf(cluster.name);
    if (full.length > 0 && surname !== cluster.name) {
      put(alias(surname, 'proper', false, true));
      // "al-Bashir" is also written "Bashir": the particle may be dropped.
      const bare = /^(?:al|el)-(\p{Lu}.*)$/u.exec(surname)?.[1];
      if (bare) put(alias(bare, 'proper', false, true));
      for (const f of full) {
        const given = f.slice(0, f.length - surname.length).trim();
        if (given && f.endsWith(surname) && !givenNames.includes(given)) givenNames.push(given);
      }
      for (const m of cluster.mentions) {
        if (!m.title) continue;
        const title = text.slice(m.title.start, m.title.end).replace(/\s+/g, ' ');
        const words = title.split(' ').filter((w) => /^\p{Lu}/u.test(w) && TITLES.has(w.toLowerCase()));
        for (const t of [title, ...words]) if (!givenNames.includes(t)) givenNames.push(t);
      }
    } else {
      put(alias(cluster.name, 'proper'));
    }
    // A given name used alone is shared by many people: it counts only near the surname.
    for (const m of cluster.mentions.filter((x) => x.form === 'other')) {
      put(alias(m.text, 'proper', true));
      const cue = surname.toLowerCase();
      if (!support.includes(cue)) support.push(cue);
    }
    return { aliases: out, givenNames, cues: { support, contrary: [] } };
  }

  for (const f of full) put(alias(f, 'proper'));
  for (const m of cluster.mentions) {
    const t = m.text.replace(/\s+/g, ' ');
    if (m.form === 'acronym' || isAcronym(t)) put(alias(t, 'exact'));
    else if (m.form === 'head' || m.form === 'other') {
      put(alias(t, 'proper', true));
      const words = cluster.name.toLowerCase().split(/\s+/).filter((w) => w !== t.toLowerCase() && !NAME_PARTICLES.has(w));
      for (const w of [cluster.name.toLowerCase(), ...words]) if (!support.includes(w)) support.push(w);
      for (const a of cluster.mentions.filter((x) => x.form === 'acronym')) {
        const l = a.text.toLowerCase();
        if (!support.includes(l)) support.push(l);
      }
    } else put(alias(t, 'proper'));
  }
  if (out.length === 0) put(alias(cluster.name, isAcronym(cluster.name) ? 'exact' : 'proper'));
  return { aliases: out, givenNames, cues: { support, contrary: [] } };
}

/** A person's surname, with a lower-case particle before it: "Osama bin Laden" → "bin Laden". */
export function surnameOf(name: string): string {
  const words = name.split(/\s+/);
  const last = words.length - 1;
  if (last >= 2 && NAME_PARTICLES.has(words[last - 1]!) && words[last - 1] === words[last - 1]!.toLowerCase()) {
    return `${words[last - 1]} ${words[last]}`;
  }
  return words[last]!;
}
