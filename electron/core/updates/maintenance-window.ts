import type { MaintenanceWindow } from '../../../shared/updates/update-channel';

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Minutes since local midnight on the wall clock of `timeZone` (the device's own zone when undefined). */
export function localMinuteOfDay(now: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

/**
 * Wall-clock semantics, on purpose: on the night clocks go forward (02:00 -> 03:00 in the
 * Netherlands) a 02:00-05:00 window is two real hours long; on the night they go back it is four.
 * Either way a shop's devices install while the shop is shut, which is what the window is for.
 */
export function isInMaintenanceWindow(now: Date, window: MaintenanceWindow, timeZone?: string): boolean {
  const minute = localMinuteOfDay(now, timeZone);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
