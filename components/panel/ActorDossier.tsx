import { KIND_LABELS } from '../../utils/factbase/kinds';
import type { Dossier } from '../../utils/panel/dossier';

/** The chosen actor's facts, each with the article's own sentence, under the article it comes from. */
export function ActorDossier({ dossier }: { dossier: Dossier }) {
  return (
    <section class="fp-dossier" aria-labelledby="fp-dossier-title" data-testid="dossier" data-actor-id={dossier.actorId}>
      <h2 id="fp-dossier-title">
        {dossier.name} <span class="fp-muted">· {KIND_LABELS[dossier.kind].one}</span>
      </h2>
      {dossier.articles.map((article) => (
        <article key={article.pack} class="fp-article">
          <p class="fp-source">
            From{' '}
            {article.url ? (
              <a href={article.url} target="_blank" rel="noreferrer noopener">
                {article.title}
              </a>
            ) : (
              <cite>{article.title}</cite>
            )}
            {article.date ? <span class="fp-muted"> ({article.date})</span> : null}
          </p>
          <p class="fp-identity">{article.identity}</p>
          {article.facts.length > 0 ? (
            <ul class="fp-facts">
              {article.facts.map((fact) => (
                <li key={fact.id}>
                  <p class="fp-fact">{fact.text}</p>
                  <blockquote class="fp-quote">{fact.quote}</blockquote>
                </li>
              ))}
            </ul>
          ) : (
            <p class="fp-muted">No facts recorded.</p>
          )}
        </article>
      ))}
    </section>
  );
}
