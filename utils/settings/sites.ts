// The list of sites where Factlens is off holds bare hostnames ("www.example.com"): what a page's
// `location.hostname` gives. Whatever a person types into the list (an address, a host with a port,
// capitals) is normalised to that form, or refused.

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A bare lower-case hostname for what was typed or stored, or null when it names no site. */
export function normaliseSite(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let host: string;
  try {
    // URL does the heavy lifting: scheme, port, path, IDN → punycode, IPv6 brackets.
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) return host; // IPv6 literal, as location.hostname shows it
  return HOSTNAME.test(host) ? host : null;
}

/** The same site? Case and a trailing dot do not matter. */
export function sameSite(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.+$/, '') === b.toLowerCase().replace(/\.+$/, '');
}
