import { Agent, request } from 'node:https';
import type { z } from 'zod';
import { HubAck } from '../../../shared/hub/hub-message';
import { KioskCountsAck, type KioskCountsReport } from '../../../shared/hub/kiosk-counts';
import { type EraseOrder, KioskStatusAck, type KioskStatusReport, type QueuePace } from '../../../shared/hub/kiosk-status';
import type { PendingMessage } from '../outbox/outbox';
import type { CentralClient, SendOutcome } from '../sync/central-client';
import { HubNumbering, HubRefusalCode, type HubLink, type HubLinkState } from '../../../shared/hub/hub-link';
import { hubCiphers, hubTlsVersion } from './hub-psk';

interface Reply {
  status: number;
  body: string;
}

/** A heartbeat is state, not a message: a failed one is not retried, the next one replaces it. */
/** `pace`: the desk's pace as the hub answered it; null from a hub that does not send it. `erase`: erase orders for this kiosk. */
export type StatusOutcome = { sent: true; pace: QueuePace | null; erase?: EraseOrder[] } | { sent: false; reason: string };

/** `ack`: which days the hub stored (with the version it holds) and which it refused, each with its reason. */
export type CountsOutcome = { sent: true; ack: KioskCountsAck } | { sent: false; reason: string };

export type HubClient = Pick<CentralClient, 'send' | 'healthy'> & {
  reportStatus(report: KioskStatusReport): Promise<StatusOutcome>;
  /** The kiosk's own counts of its recent days, for the location's daily statistics. */
  reportCounts(report: KioskCountsReport): Promise<CountsOutcome>;
  /** Tells the hub these requests' copies are gone from this kiosk; false when the hub did not take it (the order comes again). */
  confirmErased(requestIds: readonly string[]): Promise<boolean>;
  /** The hub's highest ticket number today for this kiosk's enrolled letter; null when the hub cannot say now. */
  numbering(serviceDay: string, timeoutMs: number): Promise<HubNumbering | null>;
  /** What the latest contact with the hub found, for the kiosk's status, diagnostics and heartbeat. */
  link(): HubLink;
  /** One request-and-answer with the hub (the agenda's operations); rejects when the hub cannot be reached. */
  exchange(path: string, body: unknown, timeoutMs?: number): Promise<{ status: number; body: unknown }>;
};

/**
 * Why a connection failed, from what the TLS layer said. The hub answers an identity of another
 * location with the alert "unknown psk identity"; a different key shows as "bad record mac" (or a
 * decrypt error), because the two ends derived different keys.
 */
function failureOf(err: unknown): { state: HubLinkState; reason: string } {
  const text = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (/unknown psk identity/i.test(text)) return { state: 'wrong-location', reason: 'the hub refused this kiosk in the TLS handshake: its location id is not the counter\'s (check location.id in both configs)' };
  if (/bad record mac|decrypt/i.test(text)) return { state: 'wrong-key', reason: 'the TLS handshake with the hub failed on the key: the kiosk\'s location key or location id differs from the counter\'s (compare the key fingerprints in diagnostics)' };
  return { state: 'unreachable', reason: `hub not reachable (${code ?? text.slice(0, 120)})` };
}

const jsonOf = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const reasonOf = (reply: Reply): string => {
  const reason = (jsonOf(reply.body) as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? `hub ${reply.status}: ${reason}` : `hub ${reply.status}`;
};

/**
 * The kiosk's way to its hub, with the same shape as the central client, so the same sync worker
 * (backoff, circuit, exactly-once bookkeeping) drives it. TLS-PSK: no certificate to check, the
 * handshake itself fails unless the hub holds the same location key.
 */
export function createHubClient(options: { url: string; psk: Buffer; identity: string; appVersion: string; requestTimeoutMs: number; now: () => Date }): HubClient {
  const base = new URL(options.url);
  let current: HubLink = { state: 'unknown', reason: 'the kiosk has not tried to reach its hub yet', since: null, lastOkAt: null };
  const note = (state: HubLinkState, reason: string): void => {
    const at = options.now().toISOString();
    current = { state, reason, since: state === current.state ? current.since : at, lastOkAt: state === 'ok' ? at : current.lastOkAt };
  };
  /** A connection that failed, noted and turned into the reason the caller reports. */
  const unreached = (err: unknown): string => {
    const failure = failureOf(err);
    note(failure.state, failure.reason);
    return failure.reason;
  };
  /** An answer, noted: a refusal before the hub read anything (403) says the kiosk is not enrolled for its letter. */
  const answered = (reply: Reply): Reply => {
    if (reply.status < 300) note('ok', 'the hub takes this kiosk\'s messages');
    else if (reply.status === 403) {
      const code = HubRefusalCode.safeParse((jsonOf(reply.body) as { code?: unknown } | null)?.code);
      note(code.success && code.data === 'own-prefix' ? 'refused' : 'not-enrolled', reasonOf(reply));
    } else if (reply.status >= 500) note('unreachable', reasonOf(reply));
    else note('refused', reasonOf(reply));
    return reply;
  };
  const agent = new Agent({
    keepAlive: true,
    // No session resumption: the hub learns which kiosk is calling only in a full PSK handshake.
    maxCachedSessions: 0,
    ciphers: hubCiphers,
    minVersion: hubTlsVersion,
    maxVersion: hubTlsVersion,
    checkServerIdentity: () => undefined,
    pskCallback: () => ({ psk: options.psk, identity: options.identity }),
  });

  const call = (method: 'GET' | 'POST', path: string, body: string | null, timeoutMs: number, signal?: AbortSignal): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request(
        { agent, host: base.hostname, port: base.port || 443, method, path, signal, timeout: timeoutMs, headers: { 'X-App-Version': options.appVersion, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer in time')));
      req.on('error', reject);
      req.end(body ?? undefined);
    });

  /** A report of state, answered with an acknowledgement in `ack`'s shape; anything else is "not sent", with why. */
  const postReport = async <T>(path: string, body: unknown, ack: z.ZodType<T>): Promise<{ sent: true; ack: T } | { sent: false; reason: string }> => {
    let reply: Reply;
    try {
      reply = answered(await call('POST', path, JSON.stringify(body), options.requestTimeoutMs));
    } catch (err) {
      return { sent: false, reason: unreached(err) };
    }
    const parsed = reply.status === 200 ? ack.safeParse(jsonOf(reply.body)) : null;
    return parsed?.success ? { sent: true, ack: parsed.data } : { sent: false, reason: reasonOf(reply) };
  };

  return {
    async send(message: PendingMessage, _token: string | null, signal?: AbortSignal): Promise<SendOutcome> {
      if (message.kind === 'voucher-request.complete') return { kind: 'rejected', reason: 'a kiosk does not complete requests' };
      const payload = JSON.stringify({ idempotencyKey: message.idempotencyKey, kind: message.kind, aggregateId: message.aggregateId, reference: message.reference, body: message.body });
      let reply: Reply;
      try {
        reply = answered(await call('POST', '/hub/v1/messages', payload, options.requestTimeoutMs, signal));
      } catch (err) {
        return { kind: 'retry', reason: unreached(err), outage: true };
      }
      if (reply.status === 200) {
        try {
          return { kind: 'acked', receipt: HubAck.parse(JSON.parse(reply.body)) };
        } catch {
          return { kind: 'retry', reason: 'the hub answered something unexpected', outage: false };
        }
      }
      const reason = reasonOf(reply);
      // Not enrolled (yet): the rows wait for a manager's approval instead of landing in "needs attention".
      if (reply.status === 403) return { kind: 'retry', reason, outage: false };
      return reply.status >= 500 ? { kind: 'retry', reason, outage: true } : { kind: 'rejected', reason };
    },
    async reportStatus(report: KioskStatusReport): Promise<StatusOutcome> {
      const answer = await postReport('/hub/v1/status', report, KioskStatusAck);
      if (!answer.sent) return answer;
      return { sent: true, pace: answer.ack.pace ?? null, ...(answer.ack.erase?.length ? { erase: answer.ack.erase } : {}) };
    },
    reportCounts: (report: KioskCountsReport): Promise<CountsOutcome> => postReport('/hub/v1/counts', report, KioskCountsAck),
    async confirmErased(requestIds: readonly string[]): Promise<boolean> {
      try {
        return (await call('POST', '/hub/v1/erasures', JSON.stringify({ erased: requestIds }), options.requestTimeoutMs)).status === 200;
      } catch {
        return false;
      }
    },
    async numbering(serviceDay: string, timeoutMs: number): Promise<HubNumbering | null> {
      try {
        // Answered for a kiosk still waiting for approval too, so a 200 here says nothing about the link.
        const reply = await call('GET', `/hub/v1/numbering?day=${serviceDay}`, null, timeoutMs);
        if (reply.status !== 200) answered(reply);
        const numbering = reply.status === 200 ? HubNumbering.safeParse(jsonOf(reply.body)) : null;
        return numbering?.success && numbering.data.serviceDay === serviceDay ? numbering.data : null;
      } catch (err) {
        unreached(err);
        return null;
      }
    },
    // A successful health check says only that the hub is up (it answers every key holder), so it
    // does not clear a "not enrolled": only a real exchange does.
    async healthy(timeoutMs = Math.min(options.requestTimeoutMs, 3000)): Promise<boolean> {
      try {
        const reply = await call('GET', '/hub/v1/health', null, timeoutMs);
        if (reply.status !== 200) answered(reply);
        else if (current.state !== 'not-enrolled' && current.state !== 'refused') note('ok', 'the hub answers');
        return reply.status === 200;
      } catch (err) {
        unreached(err);
        return false;
      }
    },
    link: () => current,
    async exchange(path, body, timeoutMs = options.requestTimeoutMs) {
      let reply: Reply;
      try {
        reply = answered(await call('POST', path, JSON.stringify(body), timeoutMs));
      } catch (err) {
        unreached(err);
        throw err;
      }
      return { status: reply.status, body: jsonOf(reply.body) };
    },
  };
}
