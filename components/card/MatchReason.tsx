// Why the name on the page was taken for this actor: the page's decision as a sentence (`why`, from the
// document pass), else the context rule that decided it.
import type { MatchReason as Reason } from '../../utils/engine/types';

export interface MatchReasonProps {
  /** The text as it appears on the page ("Wagner"). */
  surface: string;
  actorName: string;
  reason?: Reason | undefined;
  /** "Marked because this page names Donald Trump." */
  why?: string | undefined;
}

export function matchReasonText({ surface, actorName, reason, why }: MatchReasonProps): string {
  if (why) return why;
  if (!reason) return '';
  const where = reason.rule === 'given-name' ? 'next to it' : 'in this sentence';
  return `${surface}: matched as ${actorName} because of ‘${reason.evidence}’ ${where}`;
}

export function MatchReason(props: MatchReasonProps) {
  return (
    <p class="reason">
      <svg class="reason-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M8 7.2v4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        <circle cx="8" cy="4.9" r="0.95" fill="currentColor" />
      </svg>
      {/* The page's text and the pack's strings each isolated: a bidi control in one cannot reorder the line. */}
      {props.why ? (
        // The page's decision quotes the page's names: isolated as one run.
        <span>
          <bdi>{props.why}</bdi>
        </span>
      ) : props.reason ? (
        <span>
          <bdi>{props.surface}</bdi>: matched as <bdi>{props.actorName}</bdi> because of ‘<bdi>{props.reason.evidence}</bdi>’{' '}
          {props.reason.rule === 'given-name' ? 'next to it' : 'in this sentence'}
        </span>
      ) : null}
    </p>
  );
}
