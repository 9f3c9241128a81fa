import { z } from 'zod';

export interface LanguageDefinition {
  code: string;
  /** The language's name in its own language: a visitor looks for the word they can read. */
  name: string;
  dir: 'ltr' | 'rtl';
  /**
   * A small flag as SVG markup, shown next to the name (never alone). Arabic is spoken in more than
   * twenty countries, so it gets a neutral green flag with the letter ain instead of one country's flag.
   */
  flagSvg: string;
}

/**
 * Languages the UI ships translations for. Adding one (Turkish, Polish, Ukrainian) is an entry here
 * plus a translation file renderer/src/i18n/locales/<code>.json: nothing else changes.
 */
export const languages = [
  {
    code: 'nl',
    name: 'Nederlands',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 6"><rect width="9" height="6" fill="#21468B"/><rect width="9" height="4" fill="#FFF"/><rect width="9" height="2" fill="#AE1C28"/></svg>',
  },
  {
    code: 'en',
    name: 'English',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 30"><clipPath id="t"><path d="M30,15h30v15zv15h-30zh-30v-15zv-15h30z"/></clipPath><path d="M0,0v30h60v-30z" fill="#012169"/><path d="M0,0L60,30M60,0L0,30" stroke="#FFF" stroke-width="6"/><path d="M0,0L60,30M60,0L0,30" clip-path="url(#t)" stroke="#C8102E" stroke-width="4"/><path d="M30,0v30M0,15h60" stroke="#FFF" stroke-width="10"/><path d="M30,0v30M0,15h60" stroke="#C8102E" stroke-width="6"/></svg>',
  },
  {
    code: 'ar',
    name: 'العربية',
    dir: 'rtl',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40"><rect width="60" height="40" fill="#00693E"/><text x="30" y="29" font-size="24" font-family="DejaVu Sans, sans-serif" text-anchor="middle" fill="#FFF">ع</text></svg>',
  },
] as const satisfies readonly LanguageDefinition[];

type Code = (typeof languages)[number]['code'];
export const LanguageCode = z.enum(languages.map((l) => l.code) as [Code, ...Code[]]);
export type LanguageCode = z.infer<typeof LanguageCode>;

export function languageDefinition(code: LanguageCode): LanguageDefinition {
  return languages.find((l) => l.code === code) ?? languages[0];
}
