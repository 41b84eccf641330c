// The envelope that storage holds under "settings" from version 1 on: `{ version, changes }`.
export interface StoredSettings {
  version: number;
  /** Only what differs from the defaults, by setting name; not yet validated. */
  changes: Record<string, unknown>;
}

export { isRecord } from '../../is-record';
