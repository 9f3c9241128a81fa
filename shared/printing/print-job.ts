import { z } from 'zod';
import { PrintDocument } from './print-document';

/**
 * pending   stored, waiting for the printer (also between retries)
 * sending   bytes are on their way; a restart that finds this cannot know whether paper came out
 * printed   the printer took every byte
 * failed    gave up after the configured time; staff can reprint at the counter
 * uncertain the app stopped while sending; not printed again by itself, so never twice
 */
export const PrintJobState = z.enum(['pending', 'sending', 'printed', 'failed', 'uncertain']);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintJobId = z.uuid();

export const PrintJobSchema = z.object({
  id: PrintJobId,
  document: PrintDocument,
  /** A reprint: a new job of its own, printed with a "COPY" marker. */
  copyOf: PrintJobId.nullable(),
  state: PrintJobState,
  attempts: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().nullable(),
  printedAt: z.iso.datetime().nullable(),
  /** Why the last attempt did not print, in words for staff; never personal data. */
  lastError: z.string().nullable(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

/** What the UI needs to know about one job: the kiosk shows the code on screen when it did not print. */
export const PrintJobSummary = z.object({
  id: PrintJobId,
  kind: z.enum(['voucher-receipt', 'final-receipt', 'queue-ticket', 'appointment-slip', 'seat-slip', 'attendee-list', 'referral-slip', 'scan-slip']),
  state: PrintJobState,
  copy: z.boolean(),
  attempts: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  /** The reference code or ticket number, for the screen and the counter's list. */
  code: z.string(),
  /** What the QR code on the paper holds (reference code or status URL); null for tickets. */
  qrPayload: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type PrintJobSummary = z.infer<typeof PrintJobSummary>;
