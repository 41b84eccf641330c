// The article's sentence behind a fact, shown on demand so the card stays short (a disclosure button).
import { useId, useState } from 'preact/hooks';

export interface QuoteProps {
  quote: string;
  /** Visible label of the disclosure button. */
  label?: string;
}

export function Quote({ quote, label = 'Source sentence' }: QuoteProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div class="quote">
      <button
        type="button"
        class="disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <svg class="chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        {open ? `Hide ${label.toLowerCase()}` : label}
      </button>
      {/* Kept in the tree while closed so aria-controls always points at something. */}
      <blockquote id={id} class="quote-text" hidden={!open} dir="auto">
        {open ? `“${quote}”` : ''}
      </blockquote>
    </div>
  );
}
