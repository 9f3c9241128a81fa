/**
 * Dates and times of appointments as a visitor reads them: in the visitor's language, always on the
 * shop's clock (Europe/Amsterdam), whatever the device's own time zone. Pure, so unit-tested.
 */
export const shopTimeZone = 'Europe/Amsterdam';

/** English as it is written in Europe ("Tuesday 12 January"), not the American default. */
function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** The shop's calendar date of an instant, "2027-01-12". */
export function shopDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: shopTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "dinsdag 12 januari", "Tuesday 12 January": the day written out, no year (slots are weeks ahead, not years). */
export function dayInWords(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: shopTimeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

/** A calendar date ("2027-01-12") in words, read at noon so no time zone moves it to another day. */
export function dateInWords(day: string, language: string): string {
  return dayInWords(`${day}T12:00:00Z`, language);
}

/** The hour and minute of an instant on the shop's clock, 24-hour, in the language's digits. */
export function clockParts(iso: string, language: string): { hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat(intlLocale(language), { timeZone: shopTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  return { hour: parts.find((p) => p.type === 'hour')?.value ?? '', minute: parts.find((p) => p.type === 'minute')?.value ?? '' };
}

/** Items grouped by the shop's calendar day, the days in the order they first appear. */
export function byShopDay<T extends { start: string }>(items: readonly T[]): Array<{ day: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const day = shopDay(item.start);
    const list = groups.get(day);
    if (list) list.push(item);
    else groups.set(day, [item]);
  }
  return [...groups].map(([day, list]) => ({ day, items: list }));
}
