import { useState } from 'preact/hooks';
import { normaliseSite } from '../../utils/settings/sites';

export interface SitesEditorProps {
  sites: string[];
  onChange(sites: string[]): void;
}

/** The editable list of sites where Factlens is off. */
export function SitesEditor({ sites, onChange }: SitesEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const site = normaliseSite(draft);
    if (!site) {
      setError(`“${draft.trim()}” is not a site name (example: news.example.com)`);
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(site)) onChange([...sites, site]);
  };
  return (
    <fieldset class="fl-sites">
      <legend>Sites where Factlens is off</legend>
      {sites.length === 0 ? (
        <p class="fl-muted">None.</p>
      ) : (
        <ul class="fl-site-list" data-testid="disabled-sites">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Turn Factlens back on for ${site}`} onClick={() => onChange(sites.filter((s) => s !== site))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="fl-site-add" onSubmit={add}>
        <label for="fl-site-input" class="fl-visually-hidden">
          Add a site
        </label>
        <input
          id="fl-site-input"
          type="text"
          inputMode="url"
          placeholder="news.example.com"
          value={draft}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'fl-site-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Add</button>
      </form>
      {error ? (
        <p id="fl-site-error" class="fl-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
