export interface ResetNoticeProps {
  onDismiss(): void;
}

/** Stored settings could not be read: say so plainly, once, until dismissed. */
export function ResetNotice({ onDismiss }: ResetNoticeProps) {
  return (
    <div class="fl-notice" role="alert" data-testid="reset-notice">
      <p>Some settings could not be read and were reset.</p>
      <button type="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
