// Why a story's actors found on the page are not marked (the page names them in passing): the page's decision
// per fact base, as the content script gave it.
import type { NotMarkedBase } from '../../utils/popup/model';

export interface NotMarkedNoteProps {
  bases: NotMarkedBase[];
}

export function NotMarkedNote({ bases }: NotMarkedNoteProps) {
  return (
    <div class="fl-not-marked" data-testid="not-marked">
      {bases.map((b) => (
        <p key={b.title} class="fl-muted">
          {b.reason}
        </p>
      ))}
    </div>
  );
}
