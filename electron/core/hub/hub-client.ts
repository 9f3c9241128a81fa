import { Agent, request } from 'node:https';
import { HubAck } from '../../../shared/hub/hub-message';
import { type EraseOrder, KioskStatusAck, type KioskStatusReport, type QueuePace } from '../../../shared/hub/kiosk-status';
import type { PendingMessage } from '../outbox/outbox';
import type { CentralClient, SendOutcome } from '../sync/central-client';
import { hubCiphers, hubTlsVersion } from './hub-psk';

interface Reply {
  status: number;
  body: string;
}

/** A heartbeat is state, not a message: a failed one is not retried, the next one replaces it. */
/** `pace`: the desk's pace as the hub answered it; null from a hub that does not send it. `erase`: erase orders for this kiosk. */
export type StatusOutcome = { sent: true; pace: QueuePace | null; erase?: EraseOrder[] } | { sent: false; reason: string };

export type HubClient = Pick<CentralClient, 'send' | 'healthy'> & {
  reportStatus(report: KioskStatusReport): Promise<StatusOutcome>;
  /** Tells the hub these requests' copies are gone from this kiosk; false when the hub did not take it (the order comes again). */
  confirmErased(requestIds: readonly string[]): Promise<boolean>;
};

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
export function createHubClient(options: { url: string; psk: Buffer; identity: string; appVersion: string; requestTimeoutMs: number }): HubClient {
  const base = new URL(options.url);
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

  return {
    async send(message: PendingMessage, _token: string | null, signal?: AbortSignal): Promise<SendOutcome> {
      if (message.kind === 'voucher-request.complete') return { kind: 'rejected', reason: 'a kiosk does not complete requests' };
      const payload = JSON.stringify({ idempotencyKey: message.idempotencyKey, kind: message.kind, aggregateId: message.aggregateId, reference: message.reference, body: message.body });
      let reply: Reply;
      try {
        reply = await call('POST', '/hub/v1/messages', payload, options.requestTimeoutMs, signal);
      } catch (err) {
        return { kind: 'retry', reason: `hub not reachable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, outage: true };
      }
      if (reply.status === 200) {
        try {
          return { kind: 'acked', receipt: HubAck.parse(JSON.parse(reply.body)) };
        } catch {
          return { kind: 'retry', reason: 'the hub answered something unexpected', outage: false };
        }
      }
      const reason = reasonOf(reply);
      return reply.status >= 500 ? { kind: 'retry', reason, outage: true } : { kind: 'rejected', reason };
    },
    async reportStatus(report: KioskStatusReport): Promise<StatusOutcome> {
      let reply: Reply;
      try {
        reply = await call('POST', '/hub/v1/status', JSON.stringify(report), options.requestTimeoutMs);
      } catch (err) {
        return { sent: false, reason: `hub not reachable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
      }
      const ack = reply.status === 200 ? KioskStatusAck.safeParse(jsonOf(reply.body)) : null;
      if (ack?.success) return { sent: true, pace: ack.data.pace ?? null, ...(ack.data.erase?.length ? { erase: ack.data.erase } : {}) };
      return { sent: false, reason: reasonOf(reply) };
    },
    async confirmErased(requestIds: readonly string[]): Promise<boolean> {
      try {
        return (await call('POST', '/hub/v1/erasures', JSON.stringify({ erased: requestIds }), options.requestTimeoutMs)).status === 200;
      } catch {
        return false;
      }
    },
    async healthy(timeoutMs = Math.min(options.requestTimeoutMs, 3000)): Promise<boolean> {
      try {
        return (await call('GET', '/hub/v1/health', null, timeoutMs)).status === 200;
      } catch {
        return false;
      }
    },
  };
}
