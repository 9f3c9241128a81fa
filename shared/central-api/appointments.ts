import { z } from 'zod';
import { Slug } from '../content/pack-schema';
import { AppointmentCode, BookedAppointment, FirstName, ReminderPhone, Slot } from '../contract/appointments-channels';
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
  phone: ReminderPhone.optional(),
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
  phone: ReminderPhone.optional(),
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
