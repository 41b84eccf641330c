// PLACEHOLDER until scripts/build-factbase.ts generates this file from assets/factbase/.
import type { CompiledFactBase } from '../types';

export const FACT_BASE: CompiledFactBase = {
  formatVersion: 1,
  source: {
    id: 'idlib-2019',
    title: 'Trump calls on Russia, Syria and Iran to stop the violence in Idlib',
    period: 'late December 2019',
    file: 'assets/articles/idlib-2019.txt',
    note: 'Facts come from one news article (late December 2019), the sole source.',
  },
  actors: [
    {
      id: 'idlib',
      name: 'Idlib province',
      kind: 'place',
      identity: "Syria's rebel-held province, the country's last major opposition bastion",
      identityQuote: "the violence in Syria's rebel-held province of Idlib",
      aliases: [{ text: 'Idlib', caseRule: 'proper', ambiguous: false, surname: false }],
      cues: { support: [], contrary: [] },
      givenNames: [],
      facts: [],
      related: [],
    },
  ],
};
