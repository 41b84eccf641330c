import { sentenceParts } from '../../utils/panel/sentence';
import type { ExportRow } from '../../utils/export/row';

/** A mention in its sentence, the mention in a <mark>: all of it text nodes (page text is never HTML). */
export function MentionSentence({ row }: { row: ExportRow }) {
  const { before, mark, after } = sentenceParts(row);
  return (
    <span class="fp-sentence">
      {before}
      {mark ? <mark class="fp-mark">{mark}</mark> : null}
      {after}
    </span>
  );
}
