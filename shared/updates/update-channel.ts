import { z } from 'zod';

/** Fleet channels, most stable first: a device on "stable" only ever gets what the pilot shops ran first. */
export const UpdateChannel = z.enum(['stable', 'pilot', 'beta']);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour local time such as "02:00"');

/**
 * When a device may restart to install: local wall-clock time, so a shop's kiosks update at night
 * whatever the season. The end is exclusive; a window may run past midnight ("23:00"-"01:00").
 */
export const MaintenanceWindow = z
  .strictObject({ start: clock, end: clock })
  .refine((w) => w.start !== w.end, { message: 'start and end must differ: an empty or 24-hour window is not a maintenance window' });
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

export const defaultMaintenanceWindow: MaintenanceWindow = { start: '02:00', end: '05:00' };
