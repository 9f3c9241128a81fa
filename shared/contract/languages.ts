import { z } from 'zod';

/** Languages the UI ships translations for; adding one is a translation file plus an entry here. */
export const LanguageCode = z.enum(['nl', 'en']);
export type LanguageCode = z.infer<typeof LanguageCode>;
