/**
 * When the desk calls a checked-in appointment (docs/appointments.md): from `dueBeforeMinutes`
 * before its start it goes ahead of every walk-in ticket; a visitor who checks in more than
 * `lateAfterMinutes` after the start has lost the slot and waits as a walk-in, by arrival time.
 */
export const queueRule = {
  dueBeforeMinutes: 5,
  lateAfterMinutes: 15,
  isDue(start: Date, at: Date): boolean {
    return at.getTime() >= start.getTime() - this.dueBeforeMinutes * 60_000;
  },
  isLate(start: Date, at: Date): boolean {
    return at.getTime() > start.getTime() + this.lateAfterMinutes * 60_000;
  },
};
