import { constants } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { HubMessage } from '../../../shared/hub/hub-message';
import { KioskErasures, KioskStatusReport, type QueuePace } from '../../../shared/hub/kiosk-status';
import type { KioskCountsAck } from '../../../shared/hub/kiosk-counts';
import { formatIssues } from '../../../shared/validation/format-issues';
import type { Logger } from '../log/logger';
import { hubCiphers, hubTlsVersion, parseHubIdentity, type ParsedIdentity } from './hub-psk';
import type { HubErasures } from './hub-erasures';
import type { HubNumbering } from '../../../shared/hub/hub-link';
import { serviceDay } from '../requests/service-day';
import { HubRejection, type createHubIngest } from './hub-ingest';
import { headerVersion, type HubKiosks } from './hub-kiosks';

export interface HubServer {
  port: number;
  close(): Promise<void>;
}

const maxBody = 256 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(new HubRejection('the message is too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new HubRejection('the body is not JSON');
  }
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The counter's hub endpoint for the kiosks of its location. Only a client that holds the
 * location key completes the TLS handshake, so every request that reaches a route is from a
 * device of this location; the PSK identity says which one.
 */
export async function startHubServer(options: {
  host: string;
  port: number;
  psk: Buffer;
  /** The hub's own location: a kiosk claiming another one is refused in the handshake. */
  locationId: string;
  ingest: ReturnType<typeof createHubIngest>['ingest'];
  onIngested(): void;
  kiosks: HubKiosks;
  now: () => Date;
  /** The desk's pace, sent back with every status report so kiosks can estimate waiting times. */
  pace: () => QueuePace;
  /** Stores a kiosk installation's own counts (hub-counts.ts); answers which days it kept. */
  counts?: (kiosk: string, install: string, body: unknown) => KioskCountsAck;
  /** Erase orders for the kiosks, handed over with the answer to each heartbeat. */
  erasures?: HubErasures;
  /** The counter's agenda for the kiosks: POST /hub/v1/agenda/<op> (appointments/hub-agenda-route.ts). */
  agenda?: (op: string, body: unknown) => Promise<{ status: number; body: unknown }>;
  /** A connection failed its TLS handshake: a wrong location key, another location, or no hub client at all. */
  onRefusedHandshake?: () => void;
  logger: Logger;
}): Promise<HubServer> {
  const { logger } = options;
  const identities = new WeakMap<TLSSocket, ParsedIdentity>();
  const server: Server = createServer(
    {
      ciphers: hubCiphers,
      minVersion: hubTlsVersion,
      maxVersion: hubTlsVersion,
      // A resumed TLS session skips pskCallback, so it would arrive without the kiosk's identity:
      // every connection does the full PSK handshake instead (they are few and on the LAN).
      secureOptions: constants.SSL_OP_NO_TICKET,
      // An identity of another location (or none the hub can read) gets no key: the kiosk sees
      // "unknown psk identity", which it tells apart from a wrong key ("bad record mac").
      pskCallback: (socket, identity) => {
        const who = parseHubIdentity(identity);
        if (!who || who.locationId !== options.locationId) return null;
        identities.set(socket, who);
        return options.psk;
      },
    },
    (req, res) => {
      const who = identities.get(req.socket as TLSSocket);
      if (who === undefined) {
        send(res, 401, { reason: 'the device did not identify itself in the handshake' });
        return;
      }
      const identity = who.slot;
      void admitted(req, res, who).catch((err: unknown) => {
        if (err instanceof HubRejection) return send(res, 422, { reason: err.message });
        logger.error('hub could not store a kiosk message', { from: identity, error: err instanceof Error ? err.name : 'unknown' });
        send(res, 500, { reason: 'the hub could not store this message' });
      });
    },
  );
  server.on('tlsClientError', (err) => {
    options.onRefusedHandshake?.();
    logger.warn('hub refused a connection', { reason: err.message.slice(0, 120) });
  });

  // Who the kiosk is comes from the hub's list, not from its claim: anything but the health check
  // needs the installation enrolled for its letter, and stores nothing before that.
  async function admitted(req: IncomingMessage, res: ServerResponse, who: ParsedIdentity): Promise<void> {
    if (req.method === 'GET' && req.url === '/hub/v1/health') return send(res, 200, { status: 'ok' });
    const admission = options.kiosks.admit(who, options.now());
    // The numbering is answered before approval too: a kiosk waiting for it (new, or a replacement)
    // still hands out numbers, and they must come after the letter's numbers of today. A count of
    // tickets is nothing a key holder could misuse.
    if (req.method === 'GET' && req.url?.startsWith('/hub/v1/numbering') && (admission.admitted || admission.code !== 'own-prefix')) return numbering(req.url, res, who);
    if (!admission.admitted) return send(res, 403, { code: admission.code, reason: admission.reason });
    return route(req, res, who);
  }

  function numbering(url: string, res: ServerResponse, who: ParsedIdentity): void {
    const day = new URL(url, 'https://hub').searchParams.get('day') ?? serviceDay(options.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new HubRejection('expected ?day=YYYY-MM-DD');
    const answer: HubNumbering = { prefix: who.prefix, serviceDay: day, lastSeq: options.kiosks.lastSeq(who.prefix, day) };
    send(res, 200, answer);
  }

  async function route(req: IncomingMessage, res: ServerResponse, who: ParsedIdentity): Promise<void> {
    const identity = who.slot;
    if (req.method === 'POST' && req.url === '/hub/v1/messages') {
      const message = HubMessage.safeParse(await readJson(req));
      if (!message.success) throw new HubRejection('the message does not match the hub contract');
      const ack = options.ingest(message.data, identity, headerVersion(req.headers['x-app-version']));
      if (!ack.duplicate) options.onIngested();
      return send(res, 200, ack);
    }
    if (req.method === 'POST' && req.url === '/hub/v1/status') {
      const report = KioskStatusReport.safeParse(await readJson(req));
      if (!report.success) {
        const issue = formatIssues(report.error)[0];
        throw new HubRejection(`the status report does not match the hub contract: ${issue ? `${issue.path}: ${issue.message}` : 'unknown field'}`);
      }
      options.kiosks.noteStatus(identity, report.data, options.now());
      return send(res, 200, { stored: true, pace: options.pace(), ...(options.erasures ? { erase: options.erasures.openFor(identity) } : {}) });
    }
    if (req.method === 'POST' && req.url === '/hub/v1/counts' && options.counts) {
      return send(res, 200, options.counts(identity, who.installId, await readJson(req)));
    }
    if (req.method === 'POST' && req.url === '/hub/v1/erasures' && options.erasures) {
      const done = KioskErasures.safeParse(await readJson(req));
      if (!done.success) throw new HubRejection('the erasure confirmation does not match the hub contract');
      return send(res, 200, { confirmed: options.erasures.confirm(identity, done.data.erased, options.now()) });
    }
    if (req.method === 'POST' && req.url?.startsWith('/hub/v1/agenda/') && options.agenda) {
      const answer = await options.agenda(req.url.slice('/hub/v1/agenda/'.length), await readJson(req));
      return send(res, answer.status, answer.body);
    }
    send(res, 404, { reason: 'no such hub operation' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  logger.info('location hub listening', { host: options.host, port });
  return {
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
