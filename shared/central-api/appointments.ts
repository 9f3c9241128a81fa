import { z } from 'zod';
import { Slug, Weekday } from '../content/pack-schema';
import { AdvisersCount, AppointmentCode, BookedAppointment, DayPart, FirstName, Slot } from '../contract/appointments-channels';
import { LanguageCode } from '../contract/languages';
import { SessionView } from '../contract/sessions-channels';

/**
 * The agenda on the wire: what a kiosk asks its hub (over the LAN link) and an outpost asks the
 * central API. One set of shapes for both, so the two routes cannot drift apart. "taken" and
 * "full" are answers (200), not errors: the visitor gets the next free times.
 */

export const AgendaSlotsQuery = z.strictObject({
  locationId: Slug,
  topic: Slug,
  from: z.iso.date().optional(),
  days: z.number().int().min(1).max(28).default(14),
});

export const AgendaSlots = z.object({ locationId: Slug, slots: z.array(Slot) });
export type AgendaSlots = z.infer<typeof AgendaSlots>;

export const AppointmentBooking = z.strictObject({
  topic: Slug,
  start: z.iso.datetime({ offset: true }),
  firstName: FirstName.optional(),
  language: LanguageCode,
});
export type AppointmentBooking = z.infer<typeof AppointmentBooking>;

export const AppointmentBookingAnswer = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('booked'), appointment: BookedAppointment.omit({ printJobId: true }) }),
  z.object({ outcome: z.literal('taken'), alternatives: z.array(Slot) }),
]);
export type AppointmentBookingAnswer = z.infer<typeof AppointmentBookingAnswer>;

export const AppointmentCancellation = z.object({ outcome: z.literal('cancelled'), kind: z.enum(['appointment', 'seat']), code: AppointmentCode, start: z.iso.datetime() });

export const AppointmentCheckInAnswer = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('checked-in'), code: AppointmentCode, topic: Slug, start: z.iso.datetime(), asWalkIn: z.boolean() }),
  z.object({ outcome: z.literal('not-today'), code: AppointmentCode, start: z.iso.datetime() }),
]);

export const SessionList = z.object({ sessions: z.array(SessionView) });

export const SeatBooking = z.strictObject({
  firstName: FirstName.optional(),
  language: LanguageCode,
});
export type SeatBooking = z.infer<typeof SeatBooking>;

export const SeatBookingAnswer = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed-up'), seat: z.object({ code: AppointmentCode, sessionId: Slug, locationId: Slug, start: z.iso.datetime() }) }),
  z.object({ outcome: z.literal('full'), alternatives: z.array(SessionView) }),
]);
export type SeatBookingAnswer = z.infer<typeof SeatBookingAnswer>;

/** A refusal of the request itself (a past slot, a closed day, an unknown code): the kiosk shows it as such. */
export const AgendaRefusal = z.object({ code: z.enum(['invalid_input', 'not_found', 'conflict', 'unavailable']), message: z.string() });
export type AgendaRefusal = z.infer<typeof AgendaRefusal>;

/** The hub's agenda operations: POST /hub/v1/agenda/<op> with the body named here. */
export const HubAgendaRequest = {
  slots: AgendaSlotsQuery,
  book: AppointmentBooking.extend({ locationId: Slug, idempotencyKey: z.uuid() }),
  cancel: z.strictObject({ locationId: Slug, code: AppointmentCode }),
  checkIn: z.strictObject({ locationId: Slug, code: AppointmentCode }),
  sessions: z.strictObject({ locationIds: z.array(Slug).max(20), audience: z.enum(['location', 'region']) }),
  signUp: SeatBooking.extend({ sessionId: Slug, idempotencyKey: z.uuid() }),
} as const;
export type HubAgendaOp = keyof typeof HubAgendaRequest;

/**
 * PUT /v1/locations/{id}/outpost-allowance: the places per day part the central API may give
 * outposts at a shop with a hub (the hub's share, never more than its advisers). State, not a
 * message: the hub sends its latest version before each pull, and an older version never replaces
 * a newer one. A shop the central API has no allowance for books with the central API's own default.
 * The hub caps the slots its own kiosks already filled, so a raised share never gives a place twice.
 */
export const OutpostAllowance = z.strictObject({
  version: z.number().int().min(1),
  weekly: z.array(z.strictObject({ weekday: Weekday, dayPart: DayPart, places: AdvisersCount })).max(21),
  exceptions: z.array(z.strictObject({ date: z.iso.date(), dayPart: DayPart, places: AdvisersCount })).max(500),
  /**
   * Where the shop's own bookings leave outposts less than the day part's places: the span of such a
   * booking, and how many outpost bookings may overlap it at most. Absent: no such span.
   */
  caps: z.array(z.strictObject({ start: z.iso.datetime(), end: z.iso.datetime(), places: AdvisersCount })).max(5000).optional(),
});
export type OutpostAllowance = z.infer<typeof OutpostAllowance>;

export const OutpostAllowanceAck = z.object({ version: z.number().int().min(1) });

/** One outpost booking as the shop's hub pulls it: its code checks in at the shop's kiosk. */
export const CentralAppointment = z.object({
  seq: z.number().int().min(1),
  code: AppointmentCode,
  topic: Slug,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  state: z.enum(['booked', 'cancelled']),
  language: z.string().min(2).max(8),
  firstName: FirstName.nullable(),
});
export type CentralAppointment = z.infer<typeof CentralAppointment>;

/**
 * GET /v1/locations/{id}/appointments?since=<cursor>: the outpost bookings of a shop that were
 * made or cancelled after the cursor, oldest change first. `allowanceVersion` is the allowance
 * the central API books by now: every booking made under an older one is in this answer or before.
 */
export const CentralAppointmentFeed = z.object({
  appointments: z.array(CentralAppointment),
  cursor: z.number().int().min(0),
  more: z.boolean(),
  allowanceVersion: z.number().int().min(1).nullable(),
});
export type CentralAppointmentFeed = z.infer<typeof CentralAppointmentFeed>;

/** POST /v1/appointment-cancellations: the desk cancelled an outpost booking; sent through the hub's outbox. */
export const AppointmentCancellationOrder = z.strictObject({ locationId: Slug, code: AppointmentCode });
export type AppointmentCancellationOrder = z.infer<typeof AppointmentCancellationOrder>;
