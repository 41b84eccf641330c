// Which article facts come from: title, site, date and a link to the article when the pack has its address.
// Every string is the pack's own, isolated (a bidi control in one cannot reorder the line).
import type { CompiledSource } from '../../utils/factbase/types';

export function FactSource({ source }: { source: CompiledSource }) {
  const date = source.published?.slice(0, 10) ?? source.period;
  return (
    <p class="fact-source">
      <cite class="source-title" dir="auto">{`“${source.title}”`}</cite>
      {source.site ? (
        <>
          {' · '}
          <bdi>{source.site}</bdi>
        </>
      ) : null}
      {' · '}
      <bdi>{date}</bdi>
      {source.url ? (
        <>
          {' · '}
          <a class="source-link" href={source.url} target="_blank" rel="noopener noreferrer">
            Read the article
          </a>
        </>
      ) : null}
    </p>
  );
}
