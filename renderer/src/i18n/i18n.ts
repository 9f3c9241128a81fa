import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageCode } from '../../../shared/contract/languages';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

export async function initI18n(language: LanguageCode): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Keeps <html lang> and dir in step with the chosen language, for screen readers and layout. */
export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}
