import type { DeviceRole } from '../config/device-config';
import { hasStaffRole, type StaffRole } from '../staff/staff-role';
import type { BridgeError } from './errors';

/**
 * Who may call a channel: the device roles it exists on and, for staff work, the lowest staff
 * role of the person signed in at the desk. A channel that says nothing is open to both devices
 * and needs no sign-in.
 */
export interface ChannelAccess {
  devices: readonly DeviceRole[];
  staff?: StaffRole;
}

/** Shorthand for the common case: a counter-desk channel for a signed-in person with at least `role`. */
export const staffOnly = (role: StaffRole = 'staff'): ChannelAccess => ({ devices: ['counter'], staff: role });

export interface Caller {
  deviceRole: DeviceRole;
  staffRole: StaffRole | null;
}

/** Null when the caller may go ahead; otherwise the refusal the core answers with. */
export function refusalFor(channel: string, access: ChannelAccess, caller: Caller): BridgeError | null {
  if (!access.devices.includes(caller.deviceRole)) {
    return { code: 'forbidden', message: `${channel} is not available on a ${caller.deviceRole} device.` };
  }
  if (access.staff === undefined) return null;
  if (caller.staffRole === null) {
    return { code: 'unauthorized', message: `${channel} needs a staff member signed in at the desk.` };
  }
  if (!hasStaffRole(caller.staffRole, access.staff)) {
    return { code: 'forbidden', message: `${channel} needs the role ${access.staff} or higher.` };
  }
  return null;
}
