// "Mentioned N times on this page", with buttons to the previous and next mention.

export interface MentionNavProps {
  count: number;
  /** 0-based position of the open mention, or null when the card shows another actor than the mention's. */
  index: number | null;
  onPrevious(): void;
  onNext(): void;
}

export function mentionCountText(count: number): string {
  if (count === 0) return 'Not mentioned on this page';
  if (count === 1) return 'Mentioned once on this page';
  return `Mentioned ${count} times on this page`;
}

export function MentionNav({ count, index, onPrevious, onNext }: MentionNavProps) {
  // With one mention open there is nowhere else to go; from another actor's view even one is a place to go.
  const canMove = index === null ? count > 0 : count > 1;
  return (
    <div class="mention-nav">
      <span class="mention-count">{mentionCountText(count)}</span>
      {canMove && (
        <span class="mention-buttons">
          {index !== null && <span class="mention-position">{`${index + 1} of ${count}`}</span>}
          <button type="button" class="icon-button" aria-label="Previous mention" title="Previous mention" onClick={onPrevious}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M10 3.5 5.5 8 10 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
          </button>
          <button type="button" class="icon-button" aria-label="Next mention" title="Next mention" onClick={onNext}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
          </button>
        </span>
      )}
    </div>
  );
}
