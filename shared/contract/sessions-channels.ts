import { z } from 'zod';
import { LocalizedText } from '../content/localized-text';
import { Slug } from '../content/pack-schema';
import { staffOnly } from './access';
import { AgendaSession, AppointmentCode, FirstName, IdempotencyKey, Unreachable } from './appointments-channels';
import { channel } from './define-channel';
import { LanguageCode } from './languages';

/**
 * Group sessions (information evenings, workshops) from the content pack; the seats are held in
 * the agenda of the shop that hosts the session, with the same one-transaction rule as appointments.
 */

export const SessionView = z.object({
  id: Slug,
  title: LocalizedText,
  description: LocalizedText,
  locationId: Slug,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  place: z.string(),
  /** The language the session is held in. */
  language: z.string(),
  capacity: z.number().int(),
  remaining: z.number().int().min(0),
  /** Cancelled sessions are listed so a visitor who signed up learns it; signing up is refused. */
  cancelled: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionsListResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ok'), sessions: z.array(SessionView) }),
  Unreachable,
]);
export type SessionsListResult = z.infer<typeof SessionsListResult>;

export const SignUpInput = z.strictObject({
  sessionId: Slug,
  firstName: FirstName.optional(),
  language: LanguageCode,
  idempotencyKey: IdempotencyKey,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SeatBooked = z.object({
  code: AppointmentCode,
  sessionId: Slug,
  locationId: Slug,
  start: z.iso.datetime(),
  printJobId: z.uuid().nullable(),
});
export type SeatBooked = z.infer<typeof SeatBooked>;

export const SignUpResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed-up'), seat: SeatBooked }),
  /** The last seat just went: other upcoming sessions that still have room. */
  z.object({ outcome: z.literal('full'), alternatives: z.array(SessionView).max(6) }),
  Unreachable,
]);
export type SignUpResult = z.infer<typeof SignUpResult>;

export const SessionAttendee = z.object({
  code: AppointmentCode,
  firstName: z.string().nullable(),
  state: z.enum(['signed-up', 'cancelled']),
  signedUpAt: z.iso.datetime(),
});

export const SessionAttendees = z.object({ session: AgendaSession, attendees: z.array(SessionAttendee) });
export type SessionAttendees = z.infer<typeof SessionAttendees>;

export const sessionsChannels = {
  'sessions.list': channel({
    summary: 'Upcoming group sessions for the visitor here (this shop\'s, or the region\'s on an outpost), earliest first, with their free seats; cancelled ones say so.',
    input: z.strictObject({ locationId: Slug.optional() }),
    output: SessionsListResult,
  }),
  'sessions.signUp': channel({
    summary: 'Takes a seat: checked and taken in one transaction at the host shop\'s agenda; "full" with alternatives when the last seat just went. The seat slip prints after the commit.',
    input: SignUpInput,
    output: SignUpResult,
  }),
  'sessions.attendees': channel({
    summary: 'Who signed up for a session of this shop: codes and first names only.',
    input: z.strictObject({ sessionId: Slug }),
    output: SessionAttendees,
    access: staffOnly(),
  }),
  'sessions.printAttendees': channel({
    summary: 'Prints the attendee list of a session on the counter\'s receipt printer, for staff at the door.',
    input: z.strictObject({ sessionId: Slug }),
    output: z.object({ printJobId: z.uuid().nullable() }),
    access: staffOnly(),
  }),
} as const;
