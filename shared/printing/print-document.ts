import { z } from 'zod';
import { LanguageCode } from '../contract/languages';
import { ReferenceCode, TicketTakeResult } from '../contract/requests-channels';
import { Trajectory } from '../domain/trajectory';

/*
 * What a print job prints: only the facts the paper shows. Never a name, e-mail, phone number or
 * BSN: a receipt lies around, gets photographed and thrown away. (The staff's attendee list is the
 * one exception, see AttendeeListData; a shop's phone number is not personal data.)
 */
const isoDateTime = z.iso.datetime({ offset: true });

export const VoucherReceiptData = z.strictObject({
  referenceCode: ReferenceCode,
  trajectory: Trajectory,
  /** The provider the visitor chose, or null when they choose later. */
  provider: z.string().min(1).max(120).nullable(),
  requestedAt: isoDateTime,
});

export const FinalReceiptData = z.strictObject({
  referenceCode: ReferenceCode,
  trajectory: Trajectory,
  /** Null when the visitor has not chosen a provider yet: the paper says they choose later. */
  provider: z.string().min(1).max(120).nullable(),
  completedAt: isoDateTime,
});

export const QueueTicketData = z.strictObject({
  /** As called out at the counter, e.g. "A017". */
  ticketNumber: TicketTakeResult.shape.number,
  /** The topic in the visitor's language, as the kiosk showed it. */
  topic: z.string().min(1).max(80),
  takenAt: isoDateTime,
  expectedWaitMinutes: z.number().int().min(0).max(600).nullable(),
});

const shortText = z.string().min(1).max(120);
const slipCode = z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

/** An appointment slip: when, where, what to bring, how to cancel, and the code its QR holds alone. */
export const AppointmentSlipData = z.strictObject({
  code: slipCode,
  start: isoDateTime,
  /** The topic in the visitor's language. */
  topic: shortText,
  shopName: shortText,
  shopAddress: shortText,
  shopPhone: z.string().max(20).nullable(),
  whatToBring: z.string().min(1).max(400),
});

/** A group session seat: the session, when and where, and the code. */
export const SeatSlipData = z.strictObject({
  code: slipCode,
  start: isoDateTime,
  session: shortText,
  place: shortText,
  shopName: shortText,
  shopAddress: shortText,
  shopPhone: z.string().max(20).nullable(),
});

/**
 * The attendee list staff take to the door: the one paper with first names on it, because staff
 * greet people by them; it stays with staff and a visitor never gets it.
 */
export const AttendeeListData = z.strictObject({
  session: shortText,
  start: isoDateTime,
  place: shortText,
  capacity: z.number().int().min(1),
  attendees: z.array(z.strictObject({ code: slipCode, firstName: z.string().max(40).nullable() })).max(500),
});

/** One partner on a referral slip: where, when, what to bring. Public facts of a service, never of the visitor. */
const ReferralSlipPartner = z.strictObject({
  name: z.string().min(1).max(120),
  helpsWith: z.string().min(1).max(300),
  address: z.string().min(1).max(160),
  phone: z.string().max(20).nullable(),
  openingHours: z.string().min(1).max(200),
  bring: z.string().min(1).max(300),
  appointmentNeeded: z.boolean(),
});

export const ReferralSlipData = z.strictObject({
  partners: z.array(ReferralSlipPartner).min(1).max(3),
  sample: z.boolean(),
  printedAt: isoDateTime,
});

/** The self-scan's take-home slip: interest areas and occupation names, and the QR with only their codes. Never an answer. */
export const ScanSlipData = z.strictObject({
  areas: z.array(z.enum(['R', 'I', 'A', 'S', 'E', 'C'])).min(1).max(3),
  occupations: z.array(z.string().min(1).max(80)).max(6),
  takeHome: z.string().max(200),
  printedAt: isoDateTime,
});

export const PrintDocument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('voucher-receipt'), language: LanguageCode, data: VoucherReceiptData }),
  z.strictObject({ kind: z.literal('final-receipt'), language: LanguageCode, data: FinalReceiptData }),
  z.strictObject({ kind: z.literal('queue-ticket'), language: LanguageCode, data: QueueTicketData }),
  z.strictObject({ kind: z.literal('appointment-slip'), language: LanguageCode, data: AppointmentSlipData }),
  z.strictObject({ kind: z.literal('seat-slip'), language: LanguageCode, data: SeatSlipData }),
  z.strictObject({ kind: z.literal('attendee-list'), language: LanguageCode, data: AttendeeListData }),
  z.strictObject({ kind: z.literal('referral-slip'), language: LanguageCode, data: ReferralSlipData }),
  z.strictObject({ kind: z.literal('scan-slip'), language: LanguageCode, data: ScanSlipData }),
]);
export type PrintDocument = z.infer<typeof PrintDocument>;
export type PrintDocumentKind = PrintDocument['kind'];
