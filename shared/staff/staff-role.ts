import { z } from 'zod';

/**
 * Staff roles, lowest first: a location manager may do everything staff may, IT everything a
 * location manager may. The order is the rank the core compares against a channel's minimum.
 */
export const StaffRole = z.enum(['staff', 'location-manager', 'it']);
export type StaffRole = z.infer<typeof StaffRole>;

export const staffRoleRank: Record<StaffRole, number> = { staff: 1, 'location-manager': 2, it: 3 };

export function hasStaffRole(actual: StaffRole | null, minimum: StaffRole): boolean {
  return actual !== null && staffRoleRank[actual] >= staffRoleRank[minimum];
}
