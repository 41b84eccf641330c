// Whether an unknown value (stored, parsed, received) is a plain record: an object that is neither null nor an
// array. The one guard for every structural check that reads untrusted data without zod.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
