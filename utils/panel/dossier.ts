// The chosen actor's dossier in the panel: what every fact base in force says about it, each fact with the
// article's sentence it rests on, grouped under the article it comes from (the registry's entries()).
import type { FactBaseRegistry } from '../factbase/registry';
import type { ActorKind } from '../factbase/types';

export interface DossierArticle {
  pack: string;
  title: string;
  /** http(s) only: shown as a link. */
  url?: string;
  /** Publication date as the pack gives it, else the period it covers. */
  date?: string;
  identity: string;
  facts: { id: string; text: string; quote: string }[];
}

export interface Dossier {
  actorId: string;
  name: string;
  kind: ActorKind;
  articles: DossierArticle[];
}

const httpUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function actorDossier(registry: Pick<FactBaseRegistry, 'entries'>, actorId: string): Dossier | null {
  const entries = registry.entries(actorId);
  const first = entries[0];
  if (!first) return null;
  return {
    actorId,
    name: first.actor.name,
    kind: first.actor.kind,
    articles: entries.map(({ actor, source }) => {
      const url = httpUrl(source.url);
      const date = source.published || source.period || undefined;
      return {
        pack: source.id,
        title: source.title,
        ...(url ? { url } : {}),
        ...(date ? { date } : {}),
        identity: actor.identity,
        facts: actor.facts.map((f) => ({ id: f.id, text: f.text, quote: f.quote })),
      };
    }),
  };
}
