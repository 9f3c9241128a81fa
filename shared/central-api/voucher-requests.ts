import { z } from 'zod';
import { Slug } from '../validation/slug';
import { LanguageCode } from '../contract/languages';
import { EligibilitySnapshot, ReferenceCode, TicketTopic, VoucherStartInput } from '../contract/requests-channels';
import { RequestOrigin } from '../domain/request-origin';
import { IdDocumentType } from '../identity/id-document';

const slug = Slug;

/**
 * POST /v1/voucher-requests: what the visitor entered (at the kiosk, or with staff at the desk),
 * with the outcome the device's core decided from the answers in place of the answers, plus where
 * and when. Unchanged since the kiosk began sending answers, so queued messages stay valid.
 */
export const VoucherRequestSubmission = VoucherStartInput.omit({ answers: true, language: true }).extend({
  eligibility: EligibilitySnapshot,
  language: LanguageCode,
  reference: ReferenceCode,
  locationId: slug,
  region: slug,
  startedAt: z.iso.datetime(),
  /** Kiosk or desk; devices from before it was sent only started requests at kiosks. */
  origin: RequestOrigin.default('kiosk'),
});
export type VoucherRequestSubmission = z.infer<typeof VoucherRequestSubmission>;

export const VoucherRequestStatus = z.enum(['received', 'in-review', 'approved', 'rejected']);

/** GET /v1/voucher-requests/{reference}: where a request stands; no personal data in the answer. */
export const VoucherRequestState = z.object({
  reference: ReferenceCode,
  status: VoucherRequestStatus,
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type VoucherRequestState = z.infer<typeof VoucherRequestState>;

export const VoucherRequestReceipt = z.object({
  requestId: z.uuid(),
  reference: ReferenceCode,
  status: VoucherRequestStatus,
  receivedAt: z.iso.datetime(),
});
export type VoucherRequestReceipt = z.infer<typeof VoucherRequestReceipt>;

/** POST /v1/queue-tickets: an anonymous record that a ticket was taken, for queue statistics. */
export const QueueTicketRecord = z.strictObject({
  number: z.string().regex(/^[A-Z]{1,2}[0-9]{3,4}$/),
  topic: TicketTopic,
  locationId: slug,
  serviceDay: z.iso.date(),
  takenAt: z.iso.datetime(),
});
export type QueueTicketRecord = z.infer<typeof QueueTicketRecord>;

export const QueueTicketReceipt = z.object({
  ticketId: z.uuid(),
  receivedAt: z.iso.datetime(),
});
export type QueueTicketReceipt = z.infer<typeof QueueTicketReceipt>;

/**
 * POST /v1/voucher-request-completions: staff at the counter checked the visitor's identity
 * document and typed the BSN. The request itself reached the central API earlier (by reference).
 */
export const VoucherRequestCompletion = z.strictObject({
  reference: ReferenceCode,
  locationId: slug,
  identityDocument: IdDocumentType,
  bsn: z.string().regex(/^[0-9]{9}$/),
  completedAt: z.iso.datetime(),
});
export type VoucherRequestCompletion = z.infer<typeof VoucherRequestCompletion>;

export const VoucherRequestCompletionReceipt = z.object({
  reference: ReferenceCode,
  receivedAt: z.iso.datetime(),
});
