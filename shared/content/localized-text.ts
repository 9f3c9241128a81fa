import { z } from 'zod';

/**
 * Text in the pack's languages. Dutch and English are required for every item; other UI
 * languages (ar, tr, pl, uk, ...) are optional and fall back to English, then Dutch.
 */
export const LocalizedText = z
  .object({ nl: z.string().trim().min(1), en: z.string().trim().min(1) })
  .catchall(z.string().trim().min(1));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The language `pickText` takes the text in: the visitor's, else English, else Dutch. */
export function pickLanguage(text: LocalizedText, language: string): string {
  if (text[language] !== undefined) return language;
  return text.en !== undefined ? 'en' : 'nl';
}

export function pickText(text: LocalizedText, language: string): string {
  return text[pickLanguage(text, language)] ?? text.nl;
}

/** The language pickText really gave: the one asked for, or the fallback, so a screen can mark it (language of parts). */
export function pickedLanguage(text: LocalizedText, language: string): string {
  return text[language] !== undefined ? language : 'en';
}
