/**
 * Keys that only Dutch and English carry. Staff words (the counter desk, its agenda view, regional
 * IT's fleet console): staff work in Dutch or English, and a desk set to another language falls
 * back to Dutch, a whole desk rather than a half-translated one. Paper words (`print.paper`): the
 * printer's code page has Latin-1 letters only, so every other language prints in English.
 */
export const staffLanguages: ReadonlySet<string> = new Set(['nl', 'en']);

export const isStaffKey = (key: string): boolean =>
  key.startsWith('counter.') || key.startsWith('appointments.desk.') || key.startsWith('fleet.') || key.startsWith('print.paper.');
