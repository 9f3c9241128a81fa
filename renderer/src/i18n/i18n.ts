import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageDefinition, languages, type LanguageCode } from '../../../shared/contract/languages';

/**
 * Every language in shared/contract/languages.ts has a file locales/<code>.json; Vite bundles
 * whatever files are there, so adding a language never touches this module.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json', { eager: true });

export const resources: Resource = Object.fromEntries(
  languages.map(({ code }) => [code, { translation: files[`./locales/${code}.json`]?.default ?? {} }]),
);

export async function initI18n(language: LanguageCode): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: languages.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // i18next hands Intl the bare code, and bare "en" means US order ("October 1, 2026"): use the European one.
  i18next.services.formatter?.add('datetime', (value: Date, lng: string | undefined, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(lng ?? language), options).format(value));
  return i18next;
}

/** The locale Intl formats dates and numbers in: the visitor's language, English as in Britain and Ireland. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** Keeps <html lang> and dir in step with the chosen language, for screen readers and layout. */
export function applyDocumentLanguage(language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = languageDefinition(language).dir;
}

/**
 * lang and dir for a part in another language than the page (WCAG 3.1.2): a screen reader then
 * reads English with an English voice, and its punctuation sits on the right side. Nothing when
 * the part is in the page's language.
 */
export function partLanguage(lang: string | undefined, pageLanguage: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!lang || lang === pageLanguage) return {};
  return { lang, dir: languages.find((l) => l.code === lang)?.dir ?? 'ltr' };
}
