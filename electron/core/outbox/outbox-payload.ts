import type { z } from 'zod';
import { AppointmentCancellationOrder } from '../../../shared/central-api/appointments';
import { UsageStatistics } from '../../../shared/central-api/devices';
import { VoucherRequestCompletion, VoucherRequestSubmission } from '../../../shared/central-api/voucher-requests';
import { HubTicketRecord } from '../../../shared/hub/hub-message';
import type { FieldCipher } from '../crypto/field-cipher';

/** What an outbox row asks the central API to do; the sync worker maps each kind to an endpoint. */
export type OutboxKind = 'voucher-request.submit' | 'voucher-request.complete' | 'ticket.record' | 'statistics.daily' | 'appointment.cancel';

/** The body each kind must have; a row that no longer matches is never sent (the API, or the hub, would refuse it anyway). */
const bodySchemas: Record<OutboxKind, z.ZodType> = {
  'voucher-request.submit': VoucherRequestSubmission,
  'voucher-request.complete': VoucherRequestCompletion,
  // A kiosk's ticket for its hub may carry the self-scan's areas; the hub forwards it without them,
  // and a device that sends to the central API itself never writes them (tickets/tickets.ts).
  'ticket.record': HubTicketRecord,
  'statistics.daily': UsageStatistics,
  'appointment.cancel': AppointmentCancellationOrder,
};

/**
 * A message's place within its aggregate, before its id: a completion always comes after the
 * request it completes, even when staff resent the corrected request after completing it. Without
 * this the older completion would go first and be refused (the API does not know the request yet).
 */
const stages: Partial<Record<OutboxKind, number>> = { 'voucher-request.complete': 1 };

/** The SQL expression for `stages`, for a table alias; the kinds are constants, never input. */
export const stageSql = (alias: string): string =>
  `CASE ${alias}.kind ${Object.entries(stages)
    .map(([kind, stage]) => `WHEN '${kind}' THEN ${stage}`)
    .join(' ')} ELSE 0 END`;

export const sealContext = (idempotencyKey: string): string => `outbox.payload:${idempotencyKey}`;

/** `text` is the body exactly as stored: what goes out on the wire, so the API's fingerprint of a resend matches. */
export type PayloadRead = { ok: true; body: unknown; text: string } | { ok: false; reason: string };

// What staff can do about a message that cannot be read: it will never be sendable as it is.
const advice = 'It cannot be sent as it is: cancel it and take its reference up again at the desk; if this happens more than once, call IT.';

/**
 * Opens and checks one row's payload. The reasons are shown to staff and logged: they name the
 * problem, never the contents (zod issue paths, not values).
 */
export function readPayload(cipher: FieldCipher, row: { kind: string; idempotency_key: string; payload: string | null }): PayloadRead {
  const schema = bodySchemas[row.kind as OutboxKind] as z.ZodType | undefined;
  if (!schema) return { ok: false, reason: `This app version does not know this kind of message. ${advice}` };
  if (row.payload === null) return { ok: false, reason: `The stored contents of this message are missing. ${advice}` };
  let text: string;
  try {
    text = cipher.open(row.payload, sealContext(row.idempotency_key));
  } catch {
    return { ok: false, reason: `The stored contents of this message do not open with this device's key (damaged on disk, or written with another key). ${advice}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: `The stored contents of this message are damaged (not a readable message). ${advice}` };
  }
  const checked = schema.safeParse(body);
  if (!checked.success) {
    const paths = [...new Set(checked.error.issues.map((i) => i.path.join('.') || '(the whole message)'))].slice(0, 5).join(', ');
    return { ok: false, reason: `The contents of this message no longer match what the central API accepts (${paths}). ${advice}` };
  }
  // The stored body goes out unchanged, not the parsed one: its fingerprint is what the API keyed.
  return { ok: true, body, text };
}
