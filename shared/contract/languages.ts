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
  /**
   * The language its receipts print in. Thermal printers run code page PC858 (Latin-1 and the euro
   * sign): no Arabic or Cyrillic letters, and none of Turkish ğ ş ı İ or Polish ą ę ł ś ż. A `?` for
   * every such letter would make the paper unreadable, so those visitors get an English receipt and
   * the screen tells them so in their own language.
   */
  receipt: 'nl' | 'en';
}

/**
 * Languages the UI ships translations for. Adding one is an entry here plus a translation file
 * renderer/src/i18n/locales/<code>.json and the language in every text of the content pack
 * (tests/unit/language-completeness.test.ts checks both).
 */
export const languages = [
  {
    code: 'nl',
    receipt: 'nl',
    name: 'Nederlands',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 6"><rect width="9" height="6" fill="#21468B"/><rect width="9" height="4" fill="#FFF"/><rect width="9" height="2" fill="#AE1C28"/></svg>',
  },
  {
    code: 'en',
    receipt: 'en',
    name: 'English',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 30"><clipPath id="t"><path d="M30,15h30v15zv15h-30zh-30v-15zv-15h30z"/></clipPath><path d="M0,0v30h60v-30z" fill="#012169"/><path d="M0,0L60,30M60,0L0,30" stroke="#FFF" stroke-width="6"/><path d="M0,0L60,30M60,0L0,30" clip-path="url(#t)" stroke="#C8102E" stroke-width="4"/><path d="M30,0v30M0,15h60" stroke="#FFF" stroke-width="10"/><path d="M30,0v30M0,15h60" stroke="#C8102E" stroke-width="6"/></svg>',
  },
  {
    code: 'ar',
    receipt: 'en',
    name: 'العربية',
    dir: 'rtl',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40"><rect width="60" height="40" fill="#00693E"/><text x="30" y="29" font-size="24" font-family="DejaVu Sans, sans-serif" text-anchor="middle" fill="#FFF">ع</text></svg>',
  },
  {
    code: 'tr',
    receipt: 'en',
    name: 'Türkçe',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="30" height="20" fill="#E30A17"/><circle cx="10.6" cy="10" r="5" fill="#FFF"/><circle cx="11.9" cy="10" r="4" fill="#E30A17"/><polygon points="13.60,10.00 15.33,10.56 15.33,12.38 16.40,10.91 18.12,11.47 17.05,10.00 18.12,8.53 16.40,9.09 15.33,7.62 15.33,9.44" fill="#FFF"/></svg>',
  },
  {
    code: 'pl',
    receipt: 'en',
    name: 'Polski',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 5"><rect width="8" height="5" fill="#DC143C"/><rect width="8" height="2.5" fill="#FFF"/></svg>',
  },
  {
    code: 'uk',
    receipt: 'en',
    name: 'Українська',
    dir: 'ltr',
    flagSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 2"><rect width="3" height="2" fill="#FFD500"/><rect width="3" height="1" fill="#005BBB"/></svg>',
  },
] as const satisfies readonly LanguageDefinition[];

type Code = (typeof languages)[number]['code'];
export const LanguageCode = z.enum(languages.map((l) => l.code) as [Code, ...Code[]]);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** The language a visitor's receipt prints in (see `receipt` above). */
export function receiptLanguage(code: LanguageCode): LanguageDefinition['receipt'] {
  return languageDefinition(code).receipt;
}

export function languageDefinition(code: LanguageCode): LanguageDefinition {
  return languages.find((l) => l.code === code) ?? languages[0];
}
