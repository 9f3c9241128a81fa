import { z } from 'zod';
import { LanguageCode } from '../contract/languages';

/**
 * What a print job prints: only the facts the paper shows. Never a name, e-mail, phone number or
 * BSN: a receipt lies around, gets photographed and thrown away.
 */
export const ReferenceCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{3,15}$/, 'expected a reference code of 4 to 16 capitals, digits and dashes');

export const Trajectory = z.enum(['ontwikkeladvies', 'loopbaan-apk', 'opleidingsadvies']);
export type Trajectory = z.infer<typeof Trajectory>;

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
  provider: z.string().min(1).max(120),
  completedAt: isoDateTime,
});

export const QueueTicketData = z.strictObject({
  /** As called out at the counter, e.g. "A017". */
  ticketNumber: z.string().regex(/^[A-Z]?[0-9]{1,4}$/, 'expected a ticket number such as "A017"'),
  /** The topic in the visitor's language, as the kiosk showed it. */
  topic: z.string().min(1).max(80),
  takenAt: isoDateTime,
  expectedWaitMinutes: z.number().int().min(0).max(600).nullable(),
});

export const PrintDocument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('voucher-receipt'), language: LanguageCode, data: VoucherReceiptData }),
  z.strictObject({ kind: z.literal('final-receipt'), language: LanguageCode, data: FinalReceiptData }),
  z.strictObject({ kind: z.literal('queue-ticket'), language: LanguageCode, data: QueueTicketData }),
]);
export type PrintDocument = z.infer<typeof PrintDocument>;
export type PrintDocumentKind = PrintDocument['kind'];
