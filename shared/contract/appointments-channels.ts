import { z } from 'zod';
import { LocalTime, Slug, Weekday } from '../content/pack-schema';
import { LocalizedText } from '../content/localized-text';
import { staffOnly } from './access';
import { channel } from './define-channel';
import { LanguageCode } from './languages';
import { referenceAlphabet } from './requests-channels';

/**
 * Appointments with an adviser at a staffed shop. The shop's counter (its hub) owns the agenda;
 * a kiosk behind a hub books there over the LAN, an outpost kiosk through the central API, a demo
 * kiosk in its own embedded agenda. Whatever the route, a refusal the visitor can act on ("just
 * taken", "cannot book now") is an outcome with what to do next, never an error; errors are for
 * input no honest screen sends (a past slot, a closed day, a code of another shop).
 */

/** An appointment's or a seat's code on the slip and in its QR: the same alphabet as request references. */
export const AppointmentCode = z
  .string()
  .regex(new RegExp(`^[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`), 'expected a code such as "K7QD-M3XA"');
export type AppointmentCode = z.infer<typeof AppointmentCode>;

/**
 * A code as a visitor types it or a scanner sends it: case, spaces and dashes do not matter
 * ("k7qd m3xa", "K7QDM3XA" and "K7QD-M3XA" are one code).
 */
export const TypedAppointmentCode = z
  .string()
  .max(40)
  .transform((raw) => raw.toUpperCase().replace(/[\s\-_.]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${referenceAlphabet}]{8}$`), 'expected the 8 letters and digits of the code on the slip, such as "K7QD-M3XA"'))
  .transform((code) => `${code.slice(0, 4)}-${code.slice(4)}`);

/** Booking a slot or a seat is retried with the same key (a kiosk's retry, a double tap): it never books twice. */
export const IdempotencyKey = z.uuid('expected a UUID as the idempotency key');

/** A first name or nothing: the least that lets staff greet the visitor. */
export const FirstName = z.string().trim().min(1, 'expected a first name, or leave it out').max(40);

export const Slot = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  topic: Slug,
  /** Free places: advisers in the slot's day part minus the appointments overlapping it. */
  remaining: z.number().int().min(0),
});
export type Slot = z.infer<typeof Slot>;

export const DayPart = z.enum(['morning', 'afternoon', 'evening']);
export type DayPart = z.infer<typeof DayPart>;

/** What a visitor needs to reach a shop when booking is not possible now. */
export const ShopContact = z.object({
  locationId: Slug,
  name: z.string(),
  phone: z.string().nullable(),
  /** "Neude 11, 3512 AE Utrecht". */
  address: z.string(),
  openingHours: LocalizedText,
  openingTimes: z.array(z.object({ weekday: Weekday, open: LocalTime, close: LocalTime })),
});
export type ShopContact = z.infer<typeof ShopContact>;

/** The agenda (hub or central API) cannot be reached: nothing was stored; here is how to reach the shop. */
export const Unreachable = z.object({ outcome: z.literal('unreachable'), contact: ShopContact.nullable() });
export type Unreachable = z.infer<typeof Unreachable>;

export const AppointmentTopicView = z.object({ id: Slug, title: LocalizedText, slotMinutes: z.number().int(), whatToBring: LocalizedText });

/** `openNow`: the shop is open at this moment by the core's clock (opening times and closing days), so the screen need not ask the wall clock. */
export const BookableLocation = ShopContact.extend({ region: Slug, openNow: z.boolean() });
export type BookableLocation = z.infer<typeof BookableLocation>;

export const AppointmentsOverview = z.object({
  /** Where this device books: its hub, the central API (an outpost), its own agenda (the counter, a demo kiosk), or nowhere. */
  route: z.enum(['hub', 'central', 'local', 'none']),
  /** True on an outpost kiosk: no tickets, no desk here; only booking at the shops below. */
  outpost: z.boolean(),
  topics: z.array(AppointmentTopicView),
  /** The shops a visitor here can book at: this shop, or an outpost's staffed shops nearest first. */
  locations: z.array(BookableLocation),
});
export type AppointmentsOverview = z.infer<typeof AppointmentsOverview>;

export const SlotsInput = z.strictObject({
  topic: Slug,
  /** Needed on an outpost (which shop); elsewhere it must be the device's own shop or left out. */
  locationId: Slug.optional(),
  /** First day to look at, in the shop's calendar; default today. */
  from: z.iso.date().optional(),
  days: z.number().int().min(1).max(28).default(14),
});

export const SlotsResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('ok'),
    locationId: Slug,
    /** Free slots only, earliest first; days without a free slot are left out. */
    slots: z.array(Slot),
  }),
  Unreachable,
]);
export type SlotsResult = z.infer<typeof SlotsResult>;

export const BookedAppointment = z.object({
  code: AppointmentCode,
  locationId: Slug,
  topic: Slug,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** The slip's print job, stored only after the booking committed; null where nothing prints. */
  printJobId: z.uuid().nullable(),
});
export type BookedAppointment = z.infer<typeof BookedAppointment>;

export const BookInput = z.strictObject({
  topic: Slug,
  locationId: Slug.optional(),
  start: z.iso.datetime({ offset: true }),
  firstName: FirstName.optional(),
  language: LanguageCode,
  idempotencyKey: IdempotencyKey,
});
export type BookInput = z.infer<typeof BookInput>;

export const BookResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('booked'), appointment: BookedAppointment }),
  /** Someone else took the last place a moment ago: the next free slots of the same topic. */
  z.object({ outcome: z.literal('taken'), alternatives: z.array(Slot).max(6) }),
  Unreachable,
]);
export type BookResult = z.infer<typeof BookResult>;

export const CancelResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('cancelled'), kind: z.enum(['appointment', 'seat']), code: AppointmentCode, start: z.iso.datetime() }),
  Unreachable,
]);
export type CancelResult = z.infer<typeof CancelResult>;

export const CheckInResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('checked-in'),
    code: AppointmentCode,
    topic: Slug,
    start: z.iso.datetime(),
    /** More than the grace period late: the visitor waits as a walk-in (docs/appointments.md). */
    asWalkIn: z.boolean(),
  }),
  /** An honest mistake, answered calmly: the appointment is on another day (its start says which). */
  z.object({ outcome: z.literal('not-today'), code: AppointmentCode, start: z.iso.datetime() }),
  Unreachable,
]);
export type CheckInResult = z.infer<typeof CheckInResult>;

export const AppointmentState = z.enum(['booked', 'checked-in', 'called', 'served', 'no-show', 'cancelled']);
export type AppointmentState = z.infer<typeof AppointmentState>;

/** One appointment in the desk's agenda: the first name only if the visitor gave one. */
export const AgendaAppointment = z.object({
  id: z.uuid(),
  code: AppointmentCode,
  topic: Slug,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  state: AppointmentState,
  firstName: z.string().nullable(),
  /** Where it was booked: a kiosk of this shop, an outpost through the central API, or the desk. */
  bookedVia: z.enum(['kiosk', 'central', 'desk']),
  checkedInAt: z.iso.datetime().nullable(),
  /** Checked in more than the grace period late: queued as a walk-in. */
  asWalkIn: z.boolean(),
});
export type AgendaAppointment = z.infer<typeof AgendaAppointment>;

export const AgendaSession = z.object({
  id: Slug,
  title: LocalizedText,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  place: z.string(),
  language: z.string(),
  capacity: z.number().int(),
  signedUp: z.number().int().min(0),
  cancelled: z.boolean(),
});
export type AgendaSession = z.infer<typeof AgendaSession>;

export const DayAgenda = z.object({
  day: z.iso.date(),
  appointments: z.array(AgendaAppointment),
  sessions: z.array(AgendaSession),
});
export type DayAgenda = z.infer<typeof DayAgenda>;

/** Advisers taking appointments per weekday and day part, with date exceptions (a training day, a holiday). */
export const AdvisersCount = z.number().int().min(0).max(20);
export const CapacitySetting = z.object({
  weekly: z.array(z.object({ weekday: Weekday, dayPart: DayPart, advisers: AdvisersCount })),
  exceptions: z.array(z.object({ date: z.iso.date(), dayPart: DayPart, advisers: AdvisersCount })),
});
export type CapacitySetting = z.infer<typeof CapacitySetting>;

export const SetCapacityInput = z.union([
  z.strictObject({ weekday: Weekday, dayPart: DayPart, advisers: AdvisersCount }),
  /** `advisers: null` removes the exception, so the weekly number holds again. */
  z.strictObject({ date: z.iso.date(), dayPart: DayPart, advisers: AdvisersCount.nullable() }),
]);
export type SetCapacityInput = z.infer<typeof SetCapacityInput>;

/** The places of each slot outposts may book through the central API; `confirmed`: the central API books by this number now. */
export const OutpostShareSetting = z.object({ share: AdvisersCount, confirmed: z.boolean() });
export type OutpostShareSetting = z.infer<typeof OutpostShareSetting>;

const deskCode = z.strictObject({ code: TypedAppointmentCode });

export const appointmentsChannels = {
  'appointments.overview': channel({
    summary: 'What this device can book: the route (hub, central API, own agenda), whether it is an outpost, the topics and the shops to book at.',
    input: z.strictObject({}),
    output: AppointmentsOverview,
  }),
  'appointments.slots': channel({
    summary: 'The free slots of a topic at a shop, earliest first: within opening hours, never on a closing day or in the past, each with its remaining places.',
    input: SlotsInput,
    output: SlotsResult,
  }),
  'appointments.book': channel({
    summary: 'Books a slot; the capacity is checked and taken in one transaction at the agenda. "taken" with alternatives when the last place just went; retried with the same idempotency key it never books twice. The slip prints after the commit.',
    input: BookInput,
    output: BookResult,
  }),
  'appointments.cancel': channel({
    summary: 'Cancels an appointment or a session seat by its code; at the desk as well as at a kiosk. Its contact data is purged at once.',
    input: deskCode,
    output: CancelResult,
  }),
  'appointments.checkIn': channel({
    summary: 'The visitor arrived: checks in by the slip\'s code (typed or scanned); the desk then calls the appointment by the queue rule (docs/appointments.md).',
    input: deskCode,
    output: CheckInResult,
  }),
  'appointments.turn': channel({
    passive: true,
    summary: 'Whether the desk has called this checked-in appointment: the check-in screen tells the visitor it is their turn. "unknown" where this device cannot tell (a kiosk behind a hub) or the code is not waiting.',
    input: deskCode,
    output: z.object({ turn: z.enum(['waiting', 'called', 'unknown']) }),
  }),
  'appointments.today': channel({
    passive: true,
    summary: 'The desk\'s agenda of a day (default today): appointments with their states and the day\'s sessions with their sign-ups.',
    input: z.strictObject({ day: z.iso.date().optional() }),
    output: DayAgenda,
    access: staffOnly(),
  }),
  'appointments.checkInByStaff': channel({
    summary: 'Staff check a visitor in at the desk by the appointment code. Audited.',
    input: deskCode,
    output: AgendaAppointment,
    access: staffOnly(),
  }),
  'appointments.markNoShow': channel({
    summary: 'Staff mark an appointment of today whose time has passed as a no-show. Audited; counted in the day\'s statistics.',
    input: deskCode,
    output: AgendaAppointment,
    access: staffOnly(),
  }),
  'appointments.markServed': channel({
    summary: 'Staff close an appointment they called or saw as served. Audited.',
    input: deskCode,
    output: AgendaAppointment,
    access: staffOnly(),
  }),
  'appointments.rebook': channel({
    summary: 'Moves an appointment to another slot in one transaction: the new one is booked (or "taken" with alternatives) and only then the old one cancelled. Prints a new slip at the counter when it has a printer.',
    input: z.strictObject({ code: TypedAppointmentCode, start: z.iso.datetime({ offset: true }), idempotencyKey: IdempotencyKey }),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('booked'), appointment: BookedAppointment }),
      z.object({ outcome: z.literal('taken'), alternatives: z.array(Slot).max(6) }),
    ]),
    access: staffOnly(),
  }),
  'appointments.bookAtDesk': channel({
    summary: 'Staff book an appointment for a visitor at the desk or on the phone; the same capacity rule as a kiosk.',
    input: BookInput.omit({ locationId: true }),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('booked'), appointment: BookedAppointment }),
      z.object({ outcome: z.literal('taken'), alternatives: z.array(Slot).max(6) }),
    ]),
    access: staffOnly(),
  }),
  'appointments.capacity': channel({
    summary: 'How many advisers take appointments per weekday and day part, and the exceptions for dates.',
    input: z.strictObject({}),
    output: CapacitySetting,
    access: staffOnly(),
  }),
  'appointments.setCapacity': channel({
    summary: 'Sets the advisers of one weekday and day part, or of one date and day part (null removes that exception). Location manager only. Audited. Booked appointments stay.',
    input: SetCapacityInput,
    output: CapacitySetting,
    access: staffOnly('location-manager'),
  }),
  'appointments.outpostShare': channel({
    summary: 'How many places of each slot outposts may book through the central API, and whether the central API books by that number yet.',
    input: z.strictObject({}),
    output: OutpostShareSetting,
    access: staffOnly(),
  }),
  'appointments.setOutpostShare': channel({
    summary: 'Sets the places of each slot outposts may book (0 to the most advisers of a day part); the shop\'s own kiosks and desk book only the rest. Location manager only. Audited.',
    input: z.strictObject({ share: z.number() }),
    output: OutpostShareSetting,
    access: staffOnly('location-manager'),
  }),
} as const;
