import { z } from 'zod';
import { ScanAreas } from '../self-scan/riasec';
import { Trajectory } from '../domain/trajectory';
import { Slug } from '../validation/slug';
import { EligibilityOutcomeSchema, VisitorAnswers } from '../eligibility/outcome-schema';
import { channel } from './define-channel';
import { LanguageCode } from './languages';


const slug = Slug;

/** Dutch and international numbers as a person types them: digits, spaces, dashes, an optional leading +. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{7,18}[0-9]$/, 'expected a phone number such as 06 12345678 or +31 6 12345678');

/**
 * The least we need to reach the visitor again: a name and one way to contact them. Personal data:
 * encrypted at rest, never logged, purged after the central API has it (docs/store-and-sync.md).
 */
export const ContactDetails = z
  .strictObject({
    name: z.string().trim().min(1, 'expected a name').max(100),
    email: z.email('expected an e-mail address such as naam@voorbeeld.nl').max(254).optional(),
    phone: phone.optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined, { message: 'expected an e-mail address or a phone number', path: ['email'] });
export type ContactDetails = z.infer<typeof ContactDetails>;

/** The purpose a visitor agrees to when starting a voucher request, at the kiosk or at the desk; the consent text is keyed by it. */
export const voucherConsentPurpose = 'voucher-request';

/** What the visitor agreed to and when; the purpose is a slug the consent screen's text is keyed by. */
export const Consent = z.strictObject({
  purpose: slug,
  at: z.iso.datetime({ offset: true }),
});
export type Consent = z.infer<typeof Consent>;

/** The eligibility check's result as the visitor saw it; provisional until staff confirm it. */
export const EligibilitySnapshot = z.strictObject({
  /** A decided outcome of the rule engine (shared/eligibility): an incomplete check is not stored. */
  outcome: EligibilityOutcomeSchema.shape.status.exclude(['incomplete']),
  /** Ids of the rules that decided it, as the rule set names them. */
  reasonCodes: z.array(slug).max(20),
  provisional: z.boolean(),
  ruleSetVersion: z.string().min(1).max(40),
});
export type EligibilitySnapshot = z.infer<typeof EligibilitySnapshot>;

/**
 * A short code for the receipt and its QR: no personal data, and only characters nobody confuses
 * when reading them aloud or typing them at the counter (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
 */
export const referenceAlphabet = 'ACDEFGHJKMNPQRTUVWXY345679';
export const ReferenceCode = z
  .string()
  .regex(new RegExp(`^[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`), 'expected a reference such as "K7QD-M3XA"');

export const VoucherStartInput = z.strictObject({
  trajectory: Trajectory,
  providerId: slug.optional(),
  contact: ContactDetails,
  consent: Consent,
  /**
   * The visitor's answers to the eligibility questions, as eligibility.check takes them. The core
   * evaluates them with the active pack's rules and stores only its own outcome and reason codes,
   * never the answers: a screen cannot send an outcome of its own.
   */
  answers: VisitorAnswers,
  language: LanguageCode,
});
export type VoucherStartInput = z.infer<typeof VoucherStartInput>;

export const VoucherStartResult = z.object({
  id: z.uuid(),
  reference: ReferenceCode,
  status: z.literal('started'),
  trajectory: Trajectory,
  createdAt: z.iso.datetime(),
  /** The receipt's print job, stored with the request ("failed" at once on a device without a printer); poll print.job for the code-on-screen fallback. */
  printJobId: z.uuid().nullable(),
});
export type VoucherStartResult = z.infer<typeof VoucherStartResult>;

export const TicketTopic = slug;

export const TicketTakeResult = z.object({
  /** Unique per location and service day: the device's ticket prefix plus a counter, e.g. "A017". */
  number: z.string().regex(/^[A-Z]{1,2}[0-9]{3,4}$/),
  topic: TicketTopic,
  /** Null while this device has no basis for an estimate; the UI then says nothing rather than guess. */
  expectedWaitMinutes: z.number().int().min(0).nullable(),
  createdAt: z.iso.datetime(),
  /** The ticket's print job, stored with the ticket; poll print.job as for a receipt. */
  printJobId: z.uuid().nullable(),
});
export type TicketTakeResult = z.infer<typeof TicketTakeResult>;

/** The walk-in queue as a kiosk can tell it: null while it has no basis to say (no hub answer yet, no desk). */
export const QueueNow = z
  .object({
    waiting: z.number().int().min(0),
    /** What a ticket taken now would wait, as ticket.take would print it; null when there is no pace to go on. */
    expectedWaitMinutes: z.number().int().min(0).nullable(),
  })
  .nullable();
export type QueueNow = z.infer<typeof QueueNow>;

export const requestsChannels = {
  'voucher.start': channel({
    summary: 'A visitor starts a voucher request at the kiosk; the core re-runs the eligibility rules on the answers, and the request is stored durably and queued for the central API before this answers.',
    input: VoucherStartInput,
    output: VoucherStartResult,
  }),
  'ticket.take': channel({
    summary: 'A visitor takes a queue ticket for a topic; the number is unique for this location today. After the self-scan the ticket carries its strongest areas (letters only) for the desk.',
    input: z.strictObject({ topic: TicketTopic, language: LanguageCode.optional(), scanAreas: ScanAreas.optional() }),
    output: TicketTakeResult,
  }),
  'ticket.queue': channel({
    passive: true,
    summary: 'How many people wait and how long a new ticket would wait, for the top of the kiosk screens; the same estimate ticket.take gives.',
    input: z.strictObject({}),
    output: QueueNow,
    access: { devices: ['kiosk'] },
  }),
} as const;
