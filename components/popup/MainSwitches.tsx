import { Switch } from './Switch';

export interface MainSwitchesProps {
  enabled: boolean;
  /** '' when the page's site is not known (a restricted or unreachable page). */
  hostname: string;
  siteEnabled: boolean;
  onEnabledChange(enabled: boolean): void;
  onSiteEnabledChange(enabled: boolean): void;
}

export function MainSwitches({ enabled, hostname, siteEnabled, onEnabledChange, onSiteEnabledChange }: MainSwitchesProps) {
  return (
    <section class="fl-switches" aria-label="Switches">
      <Switch label="Factlens" hint={enabled ? 'On for all sites' : 'Off everywhere'} checked={enabled} onChange={onEnabledChange} testId="switch-enabled" />
      {hostname ? (
        <Switch
          label={`On ${hostname}`}
          hint={siteEnabled ? 'Marks actors on this site' : 'Off for this site'}
          checked={siteEnabled}
          onChange={onSiteEnabledChange}
          testId="switch-site"
        />
      ) : (
        // No site here (a browser page, a store, a file): a switch drawn "off" would say the site was turned off.
        <p class="fl-switch fl-site-none" data-testid="site-none">
          <span class="fl-switch-text">
            <span class="fl-switch-label">This page</span>
            <span class="fl-switch-hint">Not a web site: there is no site switch here</span>
          </span>
        </p>
      )}
    </section>
  );
}
