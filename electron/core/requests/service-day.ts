const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The shop's calendar day (Dutch time), which is when ticket numbers start again at 1. */
export function serviceDay(at: Date): string {
  return dayFormat.format(at);
}

/** Where a service day starts and ends in UTC: Dutch midnight is 23:00 or 22:00 UTC the day before. */
export function serviceDayBounds(day: string): { from: Date; to: Date } {
  const startOf = (d: string): Date => {
    const midnightUtc = Date.parse(`${d}T00:00:00Z`);
    const start = [1, 2].map((h) => new Date(midnightUtc - h * 3_600_000)).find((t) => serviceDay(t) === d && serviceDay(new Date(t.getTime() - 1)) !== d);
    if (!start) throw new Error(`no Dutch midnight found for ${d}`);
    return start;
  };
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: startOf(day), to: startOf(next) };
}
