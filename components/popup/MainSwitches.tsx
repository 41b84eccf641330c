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
      <Switch
        label={hostname ? `On ${hostname}` : 'On this site'}
        hint={!hostname ? 'No site on this page' : siteEnabled ? 'Marks actors on this site' : 'Off for this site'}
        checked={hostname ? siteEnabled : false}
        disabled={!hostname}
        onChange={onSiteEnabledChange}
        testId="switch-site"
      />
    </section>
  );
}
