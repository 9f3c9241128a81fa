/** The three parts of a date as the visitor typed them on the on-screen keyboard. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateAnswer = { ok: true; iso: string } | { ok: false; problem: 'incomplete' | 'notADate' | 'inFuture' | 'tooLongAgo' };

/**
 * Turns day, month and year into an ISO date, or says in one word what is wrong, so the screen
 * can say it in the visitor's language. `today` is passed in: the rule is pure.
 */
export function parseDateAnswer(parts: DateParts, today: Date): DateAnswer {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!day || !month || !year) return { ok: false, problem: 'incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { ok: false, problem: 'notADate' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, problem: 'notADate' };
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return { ok: false, problem: 'inFuture' };
  if (y < today.getFullYear() - 120) return { ok: false, problem: 'tooLongAgo' };
  return { ok: true, iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
