import { shopTimeZone } from './slot-maths';

const dayWords = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: shopTimeZone, weekday: 'long', day: 'numeric', month: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: shopTimeZone, weekday: 'long', day: 'numeric', month: 'long' }),
  ar: new Intl.DateTimeFormat('ar', { timeZone: shopTimeZone, weekday: 'long', day: 'numeric', month: 'long', numberingSystem: 'latn' }),
} as const;

const clock = new Intl.DateTimeFormat('nl-NL', { timeZone: shopTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export type SpokenDateLanguage = keyof typeof dayWords;

/**
 * A date and time written out as people say it, in the shop's time: "dinsdag 14 januari, 10.30 uur",
 * "Tuesday 14 January, 10:30". Never a bare "14-01": a slip is read days later, by people for whom
 * numbers in a row are the hard part.
 */
export function spokenDateTime(iso: string, language: string): string {
  const at = new Date(iso);
  const time = clock.format(at);
  if (language === 'nl') return `${dayWords.nl.format(at)}, ${time.replace(':', '.')} uur`;
  if (language === 'ar') return `${dayWords.ar.format(at)}، ${time}`;
  return `${dayWords.en.format(at).replace(',', '')}, ${time}`;
}

/** The day alone, for headings and lists ("dinsdag 14 januari"). */
export function spokenDate(iso: string, language: string): string {
  const lang: SpokenDateLanguage = language === 'nl' || language === 'ar' ? language : 'en';
  return dayWords[lang].format(new Date(iso)).replace(',', '');
}
