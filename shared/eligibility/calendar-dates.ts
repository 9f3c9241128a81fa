/**
 * Calendar dates as ISO strings ("2026-11-24"), with no time zone and no Date objects: a birthday
 * is a day on the calendar, and "today" is whatever day the caller says it is.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const fullDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthOnly = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseIsoDate(text: string): CalendarDate | null {
  const m = fullDate.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** "2022-11" stands for the whole month: returns its first and last day. */
export function parseIsoMonth(text: string): { first: CalendarDate; last: CalendarDate } | null {
  const m = monthOnly.exec(text);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return null;
  return { first: { year, month, day: 1 }, last: { year, month, day: daysInMonth(year, month) } };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/**
 * The same day of the month, some years and months later. When that day does not exist (born on
 * 29 February, or a voucher on 31 August plus some months) the date moves to the first day of the
 * next month: in Dutch law someone born on 29 February turns a year older on 1 March in a
 * non-leap year, and the later day is the safe one for a period that must have fully passed.
 */
export function addYearsAndMonths(date: CalendarDate, years: number, months = 0): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (date.day <= daysInMonth(year, month)) return { year, month, day: date.day };
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
