/**
 * Words only staff read: the counter desk, its agenda view and regional IT's fleet console. Staff
 * work in Dutch or English, so the visitor-only languages carry none of these keys (a desk set to
 * another language falls back to Dutch: a whole desk rather than a half-translated one).
 */
export const staffLanguages: ReadonlySet<string> = new Set(['nl', 'en']);

export const isStaffKey = (key: string): boolean => key.startsWith('counter.') || key.startsWith('appointments.desk.') || key.startsWith('fleet.');
