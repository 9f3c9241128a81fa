const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The shop's calendar day (Dutch time), which is when ticket numbers start again at 1. */
export function serviceDay(at: Date): string {
  return dayFormat.format(at);
}
