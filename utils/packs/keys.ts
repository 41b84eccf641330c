// The storage.local key of the imported packs, apart from storage.ts (zod, validation) so that the content
// script's card can read the packs' facts without carrying either.
export const PACKS_KEY = 'packs';
