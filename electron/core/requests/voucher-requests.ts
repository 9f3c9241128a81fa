import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { VoucherRequestSubmission } from '../../../shared/central-api/voucher-requests';
import type { RequestOrigin } from '../../../shared/contract/desk-channels';
import type { EligibilitySnapshot, VoucherStartInput, VoucherStartResult } from '../../../shared/contract/requests-channels';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import { dutchCalendarDay } from '../eligibility/eligibility-handlers';
import { appendAudit } from '../outbox/audit';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import { newReferenceCode } from './reference-code';
import { requestRepo } from './request-repo';
import { decideRequest } from './request-rules';

/** The insert hit the UNIQUE index on voucher_requests.reference (and no other constraint). */
const isReferenceClash = (err: unknown): boolean =>
  (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && err instanceof Error && err.message.includes('voucher_requests.reference');

export const contactContext = (id: string): string => `voucher_requests.contact:${id}`;

export interface VoucherRequestDeps {
  db: Database;
  cipher: FieldCipher;
  outbox: Outbox;
  config: Pick<DeviceConfig, 'location' | 'region'>;
  /** The active content pack: its rules decide the eligibility outcome, its providers are the ones a request may name. */
  content: () => ContentPack | null;
  now: () => Date;
  newReference?: () => string;
  /** Stores the receipt's print job in the same transaction; absent on a device without printing. */
  receipts?: ReceiptWriter;
}

/** Who started a request: the visitor at the kiosk, or a signed-in staff member at the desk. */
export type StartedBy = { origin: 'kiosk' } | { origin: Extract<RequestOrigin, 'desk'>; staffId: string };

/**
 * A voucher request started at the kiosk or at the desk. The core decides first, from the answers
 * and the active pack (request-rules.ts), and stores its own outcome, never the answers; a refusal
 * stores nothing. The request row (contact sealed), its outbox message and its audit row commit
 * together before the caller gets a reference to print: a receipt always stands for a request that
 * will reach the central API.
 */
export function createVoucherRequests(deps: VoucherRequestDeps) {
  const { db, cipher, outbox } = deps;
  const newReference = deps.newReference ?? (() => newReferenceCode());
  const requests = requestRepo(db);

  const start = db.transaction((input: VoucherStartInput, eligibility: EligibilitySnapshot, by: StartedBy, now: Date): VoucherStartResult => {
    const id = uuidv7();
    const createdAt = now.toISOString();
    const row = {
      id,
      trajectory: input.trajectory,
      providerId: input.providerId ?? null,
      sealedContact: cipher.seal(JSON.stringify(input.contact), contactContext(id)),
      consentPurpose: input.consent.purpose,
      consentAt: input.consent.at,
      eligibility: JSON.stringify(eligibility),
      language: input.language,
      createdAt,
      origin: by.origin,
    };
    // A clash is rare (2e11 codes) but possible on a busy device over years: the reference's UNIQUE
    // index finds it without a read first, and only the failed insert is undone: draw again.
    let reference = newReference();
    for (let tries = 0; ; tries++) {
      try {
        requests.insertStarted({ ...row, reference });
        break;
      } catch (err) {
        if (!isReferenceClash(err)) throw err;
        if (tries >= 20) throw new Error('no free reference code after 20 draws');
        reference = newReference();
      }
    }
    const body = VoucherRequestSubmission.parse({
      reference,
      locationId: deps.config.location.id,
      region: deps.config.region,
      trajectory: input.trajectory,
      providerId: input.providerId,
      contact: input.contact,
      consent: input.consent,
      eligibility,
      language: input.language,
      startedAt: createdAt,
      origin: by.origin,
    });
    outbox.enqueue({ aggregateType: 'voucher-request', aggregateId: id, kind: 'voucher-request.submit', reference, body }, now);
    appendAudit(db, now, {
      action: 'voucher-request.started',
      aggregateType: 'voucher-request',
      aggregateId: id,
      detail: { reference, trajectory: input.trajectory, outcome: eligibility.outcome, origin: by.origin, ...(by.origin === 'desk' ? { by: by.staffId } : {}) },
    });
    // A visitor at the kiosk walks away with the voucher receipt as proof of the request. At the
    // desk the visitor stands in front of staff, who complete the request at once: the final
    // receipt printed then is the one paper they need, and a first one would only confuse.
    const printJobId =
      by.origin === 'kiosk'
        ? (deps.receipts?.voucherStarted({ reference, trajectory: input.trajectory, providerId: input.providerId ?? null, language: input.language, createdAt }) ?? null)
        : null;
    return { id, reference, status: 'started', trajectory: input.trajectory, createdAt, printJobId };
  });

  return {
    start: (input: VoucherStartInput, by: StartedBy = { origin: 'kiosk' }): VoucherStartResult => {
      const now = deps.now();
      const eligibility = decideRequest(input, deps.content(), { region: deps.config.region, today: dutchCalendarDay(now) });
      return start.immediate(input, eligibility, by, now);
    },
  };
}

export type VoucherRequests = ReturnType<typeof createVoucherRequests>;
