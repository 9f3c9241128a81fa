import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { z } from 'zod';
import { AppointmentCancellation } from '../../../shared/central-api/appointments';
import { deadline } from '../clock/clock';
import { Accepted, EnrollmentResponse, Problem, type EnrollmentRequest } from '../../../shared/central-api/devices';
import { QueueTicketReceipt, VoucherRequestCompletionReceipt, VoucherRequestReceipt } from '../../../shared/central-api/voucher-requests';
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

/** One complete answer: the status line's code, the headers the client reads, the body as text. */
interface Reply {
  status: number;
  statusText: string;
  retryAfter: string | null;
  text: string;
}

function problemOf(reply: Reply): { reason: string; problemType?: string } {
  try {
    const parsed = Problem.safeParse(JSON.parse(reply.text));
    if (parsed.success) {
      const p = parsed.data;
      const fields = p.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
      return { reason: [`${reply.status} ${p.title}`, p.detail, fields].filter(Boolean).join(' - '), problemType: p.type };
    }
  } catch {
    // Not JSON: fall through to the status line, never the raw body (it could echo what we sent).
  }
  return { reason: `${reply.status} ${reply.statusText}`.trim() };
}

const transportReason = (err: unknown): string => {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return 'no answer in time';
  const failure = err as { code?: string; cause?: { code?: string } } | null;
  const code = failure?.code ?? failure?.cause?.code;
  return code ? `connection failed (${code})` : 'connection failed';
};

export interface CentralClientOptions {
  baseUrl: string;
  requestTimeoutMs: number;
  /** What "now" is when a Retry-After names a date. */
  now: () => Date;
  /**
   * Most connections open to the API at once; a request beyond it waits for a free one. The sync
   * worker's maxInFlight: more sockets than requests would only sit idle. Default 4.
   */
  maxSockets?: number;
}

/** The device's side of the central API contract; every answer is checked against the zod schemas. */
export function createCentralClient(options: CentralClientOptions) {
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const basePath = base.pathname === '/' ? '' : base.pathname;
  const secure = base.protocol === 'https:';
  // node:http with one keep-alive agent rather than fetch: a draining queue reuses a few bounded
  // connections, and each request skips the web streams and signals fetch builds around it (on
  // loopback about three times the requests per second, docs/performance.md).
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 4 };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;

  /**
   * One request and its whole answer; rejects with a TimeoutError when it takes longer than
   * `timeoutMs`, and with `signal`'s reason when that aborts first (see deadline()).
   */
  const call = (method: 'GET' | 'POST', path: string, body: string | null, headers: Record<string, string>, timeoutMs: number, signal?: AbortSignal): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = send(
        {
          agent,
          protocol: base.protocol,
          host: base.hostname,
          port: base.port,
          method,
          path: basePath + path,
          headers: body === null ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            done();
            const retryAfter = res.headers['retry-after'];
            resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', retryAfter: typeof retryAfter === 'string' ? retryAfter : null, text });
          });
          res.on('error', fail);
          res.on('close', () => {
            if (!res.complete) fail(new Error('the connection closed before the whole answer arrived'));
          });
        },
      );
      const limit = deadline(
        timeoutMs,
        (reason) => {
          reject(reason);
          req.destroy();
        },
        signal,
      );
      function done(): void {
        limit.clear();
      }
      function fail(err: Error): void {
        done();
        reject(err);
      }
      req.on('error', fail);
      req.end(body ?? undefined);
    });

  return {
    async send(message: PendingMessage, token: string | null, signal?: AbortSignal): Promise<SendOutcome> {
      const endpoint = endpoints[message.kind];
      const headers: Record<string, string> = { 'Idempotency-Key': `"${message.idempotencyKey}"` };
      if (token) headers.Authorization = `Bearer ${token}`;
      let reply: Reply;
      try {
        reply = await call('POST', endpoint.path, message.bodyJson, headers, options.requestTimeoutMs, signal);
      } catch (err) {
        // A connection cut halfway through the answer lands here too: the API may have stored it,
        // and the same key on the resend makes that safe.
        return { kind: 'retry', reason: transportReason(err), outage: true };
      }
      const retryAfterMs = parseRetryAfter(reply.retryAfter, options.now());
      if (reply.status >= 200 && reply.status < 300) {
        let body: unknown;
        try {
          body = JSON.parse(reply.text);
        } catch {
          return { kind: 'retry', reason: 'the answer was cut off or not JSON', outage: true };
        }
        const receipt = endpoint.receipt.safeParse(body);
        if (receipt.success) return { kind: 'acked', receipt: receipt.data };
        return { kind: 'retry', reason: `${reply.status} with an answer that does not match the contract`, outage: false };
      }
      if (reply.status === 401) return { kind: 'unauthorized' };
      const { reason, problemType } = problemOf(reply);
      if (reply.status >= 500) return { kind: 'retry', reason, outage: true, retryAfterMs };
      if ([408, 409, 425, 429].includes(reply.status)) return { kind: 'retry', reason, outage: false, retryAfterMs };
      return { kind: 'rejected', reason, ...(problemType ? { problemType } : {}) };
    },

    /** A cheap GET that says the API is reachable and answering, which the OS "online" flag cannot. */
    async healthy(timeoutMs = Math.min(options.requestTimeoutMs, 3000)): Promise<boolean> {
      try {
        const reply = await call('GET', '/v1/health', null, {}, timeoutMs);
        return reply.status >= 200 && reply.status < 300;
      } catch {
        return false;
      }
    },

    async enroll(request: EnrollmentRequest): Promise<EnrollmentResponse | { error: string }> {
      let reply: Reply;
      try {
        reply = await call('POST', '/v1/devices/enroll', JSON.stringify(request), {}, options.requestTimeoutMs);
      } catch (err) {
        return { error: transportReason(err) };
      }
      if (reply.status < 200 || reply.status >= 300) return { error: problemOf(reply).reason };
      try {
        const parsed = EnrollmentResponse.safeParse(JSON.parse(reply.text));
        if (parsed.success) return parsed.data;
      } catch {
        // Not JSON: the same answer as a body of the wrong shape.
      }
      return { error: 'the enrollment answer does not match the contract' };
    },

    /** Closes the kept-alive connections; a request after this opens new ones. */
    close(): void {
      agent.destroy();
    },
  };
}

export type CentralClient = ReturnType<typeof createCentralClient>;
