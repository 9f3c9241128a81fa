/**
 * The location's clock for everything the desk shows: the service day, the hour chart and every
 * time and date on screen are Dutch time, whatever time zone the browser or the PC is set to.
 */
export const locationTimeZone = 'Europe/Amsterdam';

// Dutch numeric forms ("02-12-2026 14:05") in every desk language: never 12/02/2026, never 2:05 PM.
const time = new Intl.DateTimeFormat('nl-NL', { timeZone: locationTimeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const seconds = new Intl.DateTimeFormat('nl-NL', { timeZone: locationTimeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const date = new Intl.DateTimeFormat('nl-NL', { timeZone: locationTimeZone, day: '2-digit', month: '2-digit', year: 'numeric' });

const at = (moment: string | Date): Date => (typeof moment === 'string' ? new Date(moment) : moment);

/** "14:05" */
export const formatTime = (moment: string | Date): string => time.format(at(moment));
/** "14:05:09" */
export const formatTimeWithSeconds = (moment: string | Date): string => seconds.format(at(moment));
/** "02-12-2026" */
export const formatDate = (moment: string | Date): string => date.format(at(moment));
/** "02-12-2026 14:05" */
export const formatDateTime = (moment: string | Date): string => `${formatDate(moment)} ${formatTime(moment)}`;
/** "02-12-2026 14:05:09" */
export const formatDateTimeWithSeconds = (moment: string | Date): string => `${formatDate(moment)} ${formatTimeWithSeconds(moment)}`;

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: locationTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The location's calendar day of a moment, "2026-12-02". */
export const locationDay = (moment: string | Date): string => isoDay.format(at(moment));

/** A service day ("2026-12-02") as staff read it: "02-12-2026". */
export const formatDay = (day: string): string => {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
};

/** A day as staff type it ("2-12-2026", "02.12.2026", "2 12 2026") as a service day, or null. */
export function parseDay(typed: string): string | null {
  const match = /^\s*(\d{1,2})[-./\s](\d{1,2})[-./\s](\d{4})\s*$/.exec(typed);
  if (!match) return null;
  const [, d, m, y] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
