import { z } from 'zod';
import { InterestArea } from '../self-scan/riasec';
import { IdDocumentType } from '../identity/id-document';
import { PublishedDailyStats } from '../stats/published-stats';
import { KioskQueue } from '../hub/kiosk-status';
import { PrinterStatusSchema } from '../printing/printer-status';
import { Bsn } from '../identity/bsn';
import { staffOnly } from './access';
import { channel } from './define-channel';
import { RequestOrigin } from '../domain/request-origin';
import { Trajectory } from '../domain/trajectory';
import { VisitorAnswers } from '../eligibility/outcome-schema';
import { Slug } from '../validation/slug';
import { normalizeReference } from '../domain/reference-code';
import { LanguageCode } from './languages';
import { ContactDetails, EligibilitySnapshot, ReferenceCode, TicketTopic } from './requests-channels';

/** A reference as staff type it or a scanner sends it: case, spaces and the dash do not matter. */
export const TypedReference = z.string().max(40).transform(normalizeReference).pipe(ReferenceCode);

/** How a called visitor's turn ended: helped at the desk, or not there when called. */
export const TicketOutcome = z.enum(['served', 'no-show']);
export type TicketOutcome = z.infer<typeof TicketOutcome>;

export const QueueTicket = z.object({
  id: z.uuid(),
  number: z.string(),
  topic: TicketTopic,
  state: z.enum(['waiting', 'called', 'served', 'no-show']),
  createdAt: z.iso.datetime(),
  calledAt: z.iso.datetime().nullable(),
  /** Called by the staff member asking: the visitor at their desk, whose outcome they give next. */
  mine: z.boolean(),
  /** The self-scan's strongest areas when the visitor took the ticket from its result ("talk to someone about this"); empty otherwise. */
  scanAreas: z.array(InterestArea).max(3),
});
export type QueueTicket = z.infer<typeof QueueTicket>;

/** Where a request was started: by the visitor at a kiosk, or by staff at the desk for a walk-in. */
export { RequestOrigin } from '../domain/request-origin';

export const RequestDetail = z.object({
  id: z.uuid(),
  reference: ReferenceCode,
  status: z.enum(['started', 'completed', 'cancelled']),
  origin: RequestOrigin,
  trajectory: Trajectory,
  providerId: z.string().nullable(),
  language: z.string(),
  createdAt: z.iso.datetime(),
  /** Null once purged after the central API acknowledged the request. */
  contact: ContactDetails.nullable(),
  eligibility: EligibilitySnapshot,
  /** The BSN is never sent back in full: only its last three digits, masked. */
  identity: z.object({ document: IdDocumentType, bsnMasked: z.string().nullable() }).nullable(),
  completedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

/** A completed request and the final receipt stored with it (null on a device without a printer). */
export const CompletedRequest = RequestDetail.extend({ printJobId: z.string().nullable() });
export type CompletedRequest = z.infer<typeof CompletedRequest>;

/** What the waiting-room screen shows: ticket numbers only, so it may run without anyone signed in. */
export const NowServing = z.object({
  /** Today's most recently called tickets, newest first; the first is the one being called now. */
  called: z.array(z.object({ number: z.string(), calledAt: z.iso.datetime() })).max(4),
  waiting: z.number().int().min(0),
});
export type NowServing = z.infer<typeof NowServing>;

/**
 * A request staff start at the desk for a walk-in who skipped the kiosk. The core runs the
 * eligibility rules on the answers itself (never trusting an outcome from the form), and records
 * the consent at the moment staff confirm the visitor agreed to the consent text.
 */
export const DeskStartInput = z.strictObject({
  answers: VisitorAnswers,
  trajectory: Trajectory,
  providerId: Slug.optional(),
  contact: ContactDetails,
  /** The visitor's language (for the receipt and later contact), not the language of the desk. */
  language: LanguageCode,
  consentConfirmed: z.literal(true, 'expected staff to confirm that the visitor agreed to the consent text'),
});
export type DeskStartInput = z.infer<typeof DeskStartInput>;

export const CancelReason = z.string().trim().min(3, 'expected a short reason').max(200);

/** One kiosk of the location as its hub knows it: last contact from messages and heartbeats, state from the last heartbeat. */
export const HubKiosk = z.object({
  /** The hub's entry for one ticket letter of the location, `<location>/<ticketPrefix>`. */
  identity: z.string(),
  appVersion: z.string().nullable(),
  lastSeenAt: z.iso.datetime(),
  messages: z.number().int().min(0),
  /** No contact for longer than three heartbeat intervals (by the hub's clock). */
  silent: z.boolean(),
  /** From the kiosk's last heartbeat; null until it sent one. */
  printer: PrinterStatusSchema.nullable(),
  /**
   * From that heartbeat too, with `oldestPendingAt` placed on the hub's clock (when the report came
   * minus the age the kiosk measured), so a kiosk whose clock is off still shows the right wait.
   */
  queue: KioskQueue.extend({
    /** How long the kiosk's oldest undelivered row has waited as of this answer, in whole seconds; null when nothing waits. */
    oldestPendingAgeSeconds: z.number().int().min(0).nullable(),
  }).nullable(),
  /** When the hub received that heartbeat. */
  statusAt: z.iso.datetime().nullable(),
  /** An installation is enrolled for this letter: only its messages are taken. */
  enrolled: z.boolean(),
  /** An installation that called for this letter and waits for a location manager's approval (a new kiosk, or `takeover`: a replacement). */
  candidate: z.object({ install: z.string(), since: z.iso.datetime(), takeover: z.boolean() }).nullable(),
});
export type HubKiosk = z.infer<typeof HubKiosk>;

export const HubStatus = z.object({
  /** standalone: this device is its own hub; hub: kiosks of the location send to this counter. */
  mode: z.enum(['standalone', 'hub']),
  listening: z.boolean(),
  kiosks: z.array(HubKiosk),
});
export type HubStatus = z.infer<typeof HubStatus>;

/** Everything this device holds about one visitor's request, for a subject-access request (AVG art. 15). */
export const SubjectRecord = z.object({
  request: RequestDetail,
  /** Whether the central API has the request: then it holds its own copy, which this device cannot erase. */
  sentToCentral: z.boolean(),
  /**
   * The kiosk the request came from through the location hub, which keeps a sealed copy of its own:
   * when an erase was ordered there and when that kiosk confirmed it. Null when no kiosk holds one.
   */
  kioskCopy: z.object({ kiosk: z.string(), eraseOrderedAt: z.iso.datetime().nullable(), erasedAt: z.iso.datetime().nullable() }).nullable(),
  /** True only when this device holds nothing personal of the request and the kiosk it came from (if any) confirmed the same. */
  personalDataErased: z.boolean(),
  trail: z.array(z.object({ at: z.iso.datetime(), action: z.string() })),
});
export type SubjectRecord = z.infer<typeof SubjectRecord>;

export const deskChannels = {
  'privacy.find': channel({
    summary: 'Subject access: what this device stores about the visitor with this reference, with its audit trail. Audited.',
    input: z.strictObject({ reference: TypedReference }),
    output: SubjectRecord,
    access: staffOnly(),
  }),
  'privacy.export': channel({
    summary: 'Subject access: the same record as a JSON document to give the visitor (the BSN only masked). Audited.',
    input: z.strictObject({ reference: TypedReference }),
    output: z.object({ fileName: z.string(), json: z.string() }),
    access: staffOnly(),
  }),
  'privacy.print': channel({
    summary: 'Subject access on paper: the record as it stands now, for the desk to print on the office printer and hand over (the BSN only masked). Audited.',
    input: z.strictObject({ reference: TypedReference }),
    output: SubjectRecord,
    access: staffOnly(),
  }),
  'privacy.erase': channel({
    summary: 'Erases the personal data this device holds for a request, on the visitor\'s request; a request not yet sent is withdrawn. Location manager only. Audited.',
    input: z.strictObject({ reference: TypedReference, reason: CancelReason }),
    output: SubjectRecord,
    access: staffOnly('location-manager'),
  }),
  'stats.daily': channel({
    summary: 'Counts for one service day (default today) without personal data: tickets, topics, outcomes, requests per trajectory, language and hour; a count under 5 is "<5" or merged (docs/statistics.md).',
    input: z.strictObject({ day: z.iso.date().optional() }),
    output: PublishedDailyStats,
    access: staffOnly(),
  }),
  'hub.status': channel({
    passive: true,
    summary: 'The location hub on this counter: whether it listens, and each kiosk it heard from (last seen, app version, messages, printer, queue, silent).',
    input: z.strictObject({}),
    output: HubStatus,
    access: staffOnly(),
  }),
  'hub.approve': channel({
    summary: 'Enrolls the kiosk installation waiting for a ticket letter (a new kiosk, or the replacement of the enrolled one, which is refused from then on). Location manager. Audited.',
    input: z.strictObject({ identity: z.string().regex(/^[a-z0-9-]{1,60}\/[A-Z]{1,2}$/), install: z.string().regex(/^[a-z0-9]{16}$/) }),
    output: HubStatus,
    access: staffOnly('location-manager'),
  }),
  'queue.list': channel({
    passive: true,
    summary: 'The walk-in queue of today, oldest first: waiting and called tickets of every kiosk of the location.',
    input: z.strictObject({}),
    output: z.array(QueueTicket),
    access: staffOnly(),
  }),
  'queue.status': channel({
    passive: true,
    summary: 'For the waiting-room screen: the numbers called last and how many people wait. No sign-in: it shows only ticket numbers. A ".status" channel, so polling it is not desk activity.',
    input: z.strictObject({}),
    output: NowServing,
    access: { devices: ['counter'], withoutSignIn: 'the waiting-room screen shows it all day and nobody signs in there; it holds only ticket numbers' },
  }),
  'queue.callNext': channel({
    summary:
      'Calls the oldest waiting ticket; null when nobody is waiting. A caller who still has a called ticket must give its outcome (current) in the same call, or is refused (conflict): no visitor is left without an outcome.',
    input: z.strictObject({ current: z.strictObject({ id: z.uuid(), outcome: TicketOutcome }).optional() }),
    output: QueueTicket.nullable(),
    access: staffOnly(),
  }),
  'queue.close': channel({
    summary: 'Marks a called ticket served or no-show; the topic stays for the anonymous statistics.',
    input: z.strictObject({ id: z.uuid(), outcome: TicketOutcome }),
    output: QueueTicket,
    access: staffOnly(),
  }),
  'request.find': channel({
    summary: 'Opens a voucher request by its reference code (typed or scanned from the receipt).',
    input: z.strictObject({ reference: TypedReference }),
    output: RequestDetail,
    access: staffOnly(),
  }),
  'request.complete': channel({
    summary: 'Staff checked the identity document and typed the BSN: the request is completed and queued for the central API.',
    input: z.strictObject({ reference: TypedReference, identityDocument: IdDocumentType, bsn: Bsn }),
    output: CompletedRequest,
    access: staffOnly(),
  }),
  'request.startAtDesk': channel({
    summary: 'Staff start a voucher request for a walk-in from the eligibility answers; stored and queued like a kiosk request, with origin "desk", no first receipt. Audited with the staff member.',
    input: DeskStartInput,
    output: RequestDetail,
    access: staffOnly(),
  }),
  'request.cancel': channel({
    summary: 'Cancels a request that is not completed yet, with the reason staff give.',
    input: z.strictObject({ reference: TypedReference, reason: CancelReason }),
    output: RequestDetail,
    access: staffOnly(),
  }),
  'attention.resend': channel({
    summary: 'A voucher request the central API refused: staff corrected the contact details; it goes out again as a new message and the refused one is closed.',
    input: z.strictObject({ outboxId: z.number().int().positive(), contact: ContactDetails }),
    output: z.object({ outboxId: z.number().int().positive(), reference: z.string() }),
    access: staffOnly(),
  }),
  'attention.cancel': channel({
    summary: 'Gives up a message the central API refused, with the reason staff give; a refused voucher request is cancelled with it.',
    input: z.strictObject({ outboxId: z.number().int().positive(), reason: CancelReason }),
    output: z.object({ reference: z.string() }),
    access: staffOnly(),
  }),
} as const;
