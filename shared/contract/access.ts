import type { DeviceRole } from '../config/device-config';
import { hasStaffRole, type StaffRole } from '../staff/staff-role';
import type { BridgeError } from './errors';

/**
 * Who may call a channel: the device roles it exists on and, for staff work, the lowest staff
 * role of the person signed in at the desk. On the counter every call acts for the person signed
 * in there, so a channel needs a signed-in staff member on the counter unless it names, in
 * `withoutSignIn`, why it must work before anyone signs in. A channel that says nothing is open
 * on the kiosk (visitors never sign in) and needs a signed-in person on the counter.
 */
export interface ChannelAccess {
  devices: readonly DeviceRole[];
  staff?: StaffRole;
  /** Why this channel runs on the counter with nobody signed in (e.g. it is the sign-in screen). */
  withoutSignIn?: string;
}

/** What a channel without an access rule gets: both devices, and on the counter a signed-in person. */
export const openAccess: ChannelAccess = { devices: ['kiosk', 'counter'] };

/** Open on both devices and, on the counter, before anyone signs in, for the reason given. */
export const beforeSignIn = (reason: string): ChannelAccess => ({ devices: ['kiosk', 'counter'], withoutSignIn: reason });

/** True when any caller on either device may call it: the only channels a core without an access gate answers. */
export function openToAnyone(access: ChannelAccess): boolean {
  return (['kiosk', 'counter'] as const).every((device) => access.devices.includes(device) && staffNeeded(access, device) === null);
}

/** The lowest staff role a caller needs for this channel on this device, or null when nobody has to be signed in. */
export function staffNeeded(access: ChannelAccess, deviceRole: DeviceRole): StaffRole | null {
  if (access.staff) return access.staff;
  return deviceRole === 'counter' && access.withoutSignIn === undefined ? 'staff' : null;
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
  const needed = staffNeeded(access, caller.deviceRole);
  if (needed === null) return null;
  if (caller.staffRole === null) {
    return { code: 'unauthorized', message: `${channel} needs a staff member signed in at the desk.` };
  }
  if (!hasStaffRole(caller.staffRole, needed)) {
    return { code: 'forbidden', message: `${channel} needs the role ${needed} or higher.` };
  }
  return null;
}
