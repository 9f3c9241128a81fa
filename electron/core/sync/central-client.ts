import type { z } from 'zod';
import { AppointmentCancellation } from '../../../shared/central-api/appointments';
import { Accepted, EnrollmentResponse, Problem, type EnrollmentRequest } from '../../../shared/central-api/devices';
import { QueueTicketReceipt, VoucherRequestCompletionReceipt, VoucherRequestReceipt } from '../../../shared/central-api/voucher-requests';
import { deadline } from '../clock/clock';
import type { OutboxKind, PendingMessage } from '../outbox/outbox';

/** Where each kind of outbox message goes and what a successful answer looks like. */
const endpoints: Record<OutboxKind, { path: string; receipt: z.ZodType }> = {
  'voucher-request.submit': { path: '/v1/voucher-requests', receipt: VoucherRequestReceipt },
  'ticket.record': { path: '/v1/queue-tickets', receipt: QueueTicketReceipt },
  'statistics.daily': { path: '/v1/statistics', receipt: Accepted },
  'voucher-request.complete': { path: '/v1/voucher-request-completions', receipt: VoucherRequestCompletionReceipt },
  'appointment.cancel': { path: '/v1/appointment-cancellations', receipt: AppointmentCancellation },
};

export type SendOutcome =
  | { kind: 'acked'; receipt: unknown }
  /** Try again later; `outage` says whether this failure says the API is unreachable or down (feeds the circuit). */
  | { kind: 'retry'; reason: string; outage: boolean; retryAfterMs?: number }
  /** The API refused this message for what it is: staff must look at it. */
  /** `problemType` is the refusal's problem type (RFC 9457) when the answer had one, for the desk to say it in its words. */
  | { kind: 'rejected'; reason: string; problemType?: string }
  | { kind: 'unauthorized' };

/** Retry-After is either seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

async function problemOf(res: Response): Promise<{ reason: string; problemType?: string }> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    if (parsed.success) {
      const p = parsed.data;
      const fields = p.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
      return { reason: [`${res.status} ${p.title}`, p.detail, fields].filter(Boolean).join(' - '), problemType: p.type };
    }
  } catch {
    // Not JSON: fall through to the status line, never the raw body (it could echo what we sent).
  }
  return { reason: `${res.status} ${res.statusText}`.trim() };
}

const problemReason = async (res: Response): Promise<string> => (await problemOf(res)).reason;

const transportReason = (err: unknown): string => {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'no answer in time';
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  return cause ? `connection failed (${cause})` : 'connection failed';
};

export interface CentralClientOptions {
  baseUrl: string;
  requestTimeoutMs: number;
  /** What "now" is when a Retry-After names a date. */
  now: () => Date;
}

/** The device's side of the central API contract; every answer is checked against the zod schemas. */
export function createCentralClient(options: CentralClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  return {
    async send(message: PendingMessage, token: string | null, signal?: AbortSignal): Promise<SendOutcome> {
      const endpoint = endpoints[message.kind];
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': `"${message.idempotencyKey}"` };
      if (token) headers.Authorization = `Bearer ${token}`;
      // Cleared once the answer is read: see deadline().
      const limit = deadline(options.requestTimeoutMs, signal);
      try {
        let res: Response;
        try {
          res = await fetch(base + endpoint.path, { method: 'POST', headers, body: JSON.stringify(message.body), signal: limit.signal });
        } catch (err) {
          return { kind: 'retry', reason: transportReason(err), outage: true };
        }
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), options.now());
        if (res.ok) {
          let body: unknown;
          try {
            body = await res.json();
          } catch (err) {
            return { kind: 'retry', reason: `the answer was cut off or not JSON (${transportReason(err)})`, outage: true };
          }
          const receipt = endpoint.receipt.safeParse(body);
          if (receipt.success) return { kind: 'acked', receipt: receipt.data };
          return { kind: 'retry', reason: `${res.status} with an answer that does not match the contract`, outage: false };
        }
        const { reason, problemType } = await problemOf(res);
        if (res.status === 401) return { kind: 'unauthorized' };
        if (res.status >= 500) return { kind: 'retry', reason, outage: true, retryAfterMs };
        if ([408, 409, 425, 429].includes(res.status)) return { kind: 'retry', reason, outage: false, retryAfterMs };
        return { kind: 'rejected', reason, ...(problemType ? { problemType } : {}) };
      } finally {
        limit.clear();
      }
    },

    /** A cheap GET that says the API is reachable and answering, which the OS "online" flag cannot. */
    async healthy(timeoutMs = Math.min(options.requestTimeoutMs, 3000)): Promise<boolean> {
      try {
        const res = await fetch(`${base}/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        return res.ok;
      } catch {
        return false;
      }
    },

    async enroll(request: EnrollmentRequest): Promise<EnrollmentResponse | { error: string }> {
      try {
        const res = await fetch(`${base}/v1/devices/enroll`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(options.requestTimeoutMs),
        });
        if (!res.ok) return { error: await problemReason(res) };
        const parsed = EnrollmentResponse.safeParse(await res.json());
        return parsed.success ? parsed.data : { error: 'the enrollment answer does not match the contract' };
      } catch (err) {
        return { error: transportReason(err) };
      }
    },
  };
}

export type CentralClient = ReturnType<typeof createCentralClient>;
