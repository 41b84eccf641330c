// The article the draft comes from: title, site, byline, date and address (all isolated pack strings).
import type { CompiledSource } from '../../utils/factbase/types';

export function ArticleSummary({ source }: { source: CompiledSource }) {
  const meta = [source.site, source.byline, source.published?.slice(0, 10)].filter((s): s is string => !!s);
  return (
    <section class="dr-article" aria-label="The article">
      <p class="dr-eyebrow">Drafted from</p>
      <h2 class="dr-article-title" dir="auto">
        {source.title}
      </h2>
      {meta.length > 0 ? (
        <p class="dr-muted">
          {meta.map((m, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <bdi key={i}>{m}</bdi>
            </>
          ))}
        </p>
      ) : null}
      {source.url ? (
        <p class="dr-url">
          <a href={source.url} target="_blank" rel="noopener noreferrer" dir="auto">
            {source.url}
          </a>
        </p>
      ) : null}
    </section>
  );
}
