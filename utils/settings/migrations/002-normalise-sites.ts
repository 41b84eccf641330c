// Version 1 → 2.
//
// Version 1 kept the list of sites that are off as the user typed it ("https://Example.com/news",
// "example.com:8080"), which never equals a page's hostname. Version 2 keeps bare lower-case hostnames
// (sites.ts) without duplicates; an entry that names no site is dropped. Nothing else changed.
import { normaliseSite } from '../sites';
import type { StoredSettings } from './stored';

export const from = 1;
export const to = 2;

export function migrate(v1: StoredSettings): StoredSettings {
  const changes = { ...v1.changes };
  const sites = changes.disabledSites;
  if (Array.isArray(sites)) {
    const normalised = sites.map((s) => (typeof s === 'string' ? normaliseSite(s) : s));
    changes.disabledSites = [...new Set(normalised.filter((s) => s !== null))];
  }
  return { version: 2, changes };
}
