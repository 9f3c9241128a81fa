import { z } from 'zod';
import { Pin, PinAttempt, Username } from '../staff/pin';
import { StaffRole } from '../staff/staff-role';
import { staffOnly } from './access';
import { channel } from './define-channel';

/** The sign-in screen itself: it runs before anyone is signed in, by definition. */
const signInScreen = { devices: ['counter'], withoutSignIn: 'the sign-in and first-run setup screen calls it before anyone is signed in' } as const;

export const StaffMember = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffMemberRow = StaffMember.extend({
  locked: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type StaffMemberRow = z.infer<typeof StaffMemberRow>;

export const DeskSession = z.object({
  /** True until the first location manager exists: the desk then shows first-run setup. */
  setupNeeded: z.boolean(),
  signedIn: StaffMember.nullable(),
  /** Who was signed in when the desk locked itself, so the lock screen can greet them. */
  lockedFor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  autoLockSeconds: z.number().int(),
});
export type DeskSession = z.infer<typeof DeskSession>;

export const SignInResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), session: DeskSession }),
  z.object({
    ok: z.literal(false),
    /** "wrong" does not tell whether the user name or the PIN was wrong. */
    reason: z.enum(['wrong', 'locked']),
    lockedUntil: z.iso.datetime().nullable(),
  }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

const NewMember = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1, 'expected a name').max(60),
  pin: Pin,
});

export const staffChannels = {
  'staff.session': channel({
    passive: true,
    summary: 'Who is signed in at this desk, whether first-run setup is needed, and the auto-lock time.',
    input: z.strictObject({}),
    output: DeskSession,
    access: signInScreen,
  }),
  'staff.setup': channel({
    summary: 'First-run setup: creates the location manager and signs them in; refused once any staff account exists.',
    input: NewMember,
    output: DeskSession,
    access: signInScreen,
  }),
  'staff.signIn': channel({
    summary: 'A staff member signs in with user name and personal PIN; five wrong tries lock the account for a growing time.',
    input: z.strictObject({ username: Username, pin: PinAttempt }),
    output: SignInResult,
    access: signInScreen,
  }),
  'staff.signOut': channel({
    summary: 'The signed-in staff member signs out.',
    input: z.strictObject({}),
    output: DeskSession,
    access: staffOnly(),
  }),
  'staff.lock': channel({
    summary: 'Locks the desk now (the staff member steps away); the same PIN opens it again.',
    input: z.strictObject({}),
    output: DeskSession,
    access: staffOnly(),
  }),
  'staff.touch': channel({
    summary: 'The person at the desk is still working (keyboard or mouse): postpones the auto-lock.',
    input: z.strictObject({}),
    output: z.object({ autoLockAt: z.iso.datetime() }),
    access: staffOnly(),
  }),
  'staff.members': channel({
    summary: 'The staff accounts of this location, for the location manager.',
    input: z.strictObject({}),
    output: z.array(StaffMemberRow),
    access: staffOnly('location-manager'),
  }),
  'staff.add': channel({
    summary: 'The location manager adds a staff account; nobody can create a role above their own.',
    input: NewMember.extend({ role: StaffRole }),
    output: StaffMemberRow,
    access: staffOnly('location-manager'),
  }),
  'staff.remove': channel({
    summary: 'The location manager removes a staff account (not their own, and not a higher role).',
    input: z.strictObject({ id: z.uuid() }),
    output: z.object({ removed: z.literal(true) }),
    access: staffOnly('location-manager'),
  }),
  'staff.resetPin': channel({
    summary: 'The location manager sets a new PIN for a staff member; this also lifts a lockout.',
    input: z.strictObject({ id: z.uuid(), pin: Pin }),
    output: StaffMemberRow,
    access: staffOnly('location-manager'),
  }),
} as const;
