/** The three parts of a date as the visitor typed them on the on-screen keyboard. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * Puts the typed parts together as the rule engine reads them: "YYYY-MM-DD", or "YYYY-MM" where
 * the question allows a month alone and the day is left empty. Whether the date exists, lies in
 * the future or is implausibly old is the engine's call (shared/eligibility), not the screen's.
 */
export function dateAnswerFrom(parts: DateParts, allowMonthOnly: boolean): string | 'incomplete' {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!month || !year || (!day && !allowMonthOnly)) return 'incomplete';
  const mm = month.padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/** Back from an earlier answer to the typed parts, for a visitor who returns to the question. */
export function datePartsFrom(answer: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = answer && answer !== 'unknown' ? answer.split('-') : [];
  return { year, month: month.replace(/^0/, ''), day: day.replace(/^0/, '') };
}

/**
 * Whether a part is typed to the end, so the focus can move on by itself: two digits, or one that no
 * second digit could follow (a day from 4, a month from 2: "5" is the 5th, May). The year takes four.
 */
export function datePartComplete(part: keyof DateParts, value: string): boolean {
  if (part === 'year') return value.length >= 4;
  const first = Number(value.slice(0, 1));
  return value.length >= 2 || (value.length === 1 && first > (part === 'day' ? 3 : 1));
}
