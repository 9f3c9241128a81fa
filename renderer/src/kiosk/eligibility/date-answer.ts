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
