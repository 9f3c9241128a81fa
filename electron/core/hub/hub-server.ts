import { constants } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { HubMessage } from '../../../shared/hub/hub-message';
import { KioskErasures, KioskStatusReport, type QueuePace } from '../../../shared/hub/kiosk-status';
import { formatIssues } from '../../../shared/validation/format-issues';
import type { Logger } from '../log/logger';
import { hubCiphers, hubTlsVersion } from './hub-psk';
import type { HubErasures } from './hub-erasures';
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
  ingest: ReturnType<typeof createHubIngest>['ingest'];
  onIngested(): void;
  kiosks: HubKiosks;
  now: () => Date;
  /** The desk's pace, sent back with every status report so kiosks can estimate waiting times. */
  pace: () => QueuePace;
  /** Erase orders for the kiosks, handed over with the answer to each heartbeat. */
  erasures?: HubErasures;
  logger: Logger;
}): Promise<HubServer> {
  const { logger } = options;
  const identities = new WeakMap<TLSSocket, string>();
  const server: Server = createServer(
    {
      ciphers: hubCiphers,
      minVersion: hubTlsVersion,
      maxVersion: hubTlsVersion,
      // A resumed TLS session skips pskCallback, so it would arrive without the kiosk's identity:
      // every connection does the full PSK handshake instead (they are few and on the LAN).
      secureOptions: constants.SSL_OP_NO_TICKET,
      pskCallback: (socket, identity) => {
        if (!/^[a-z0-9-]{1,60}\/[A-Z]{1,2}$/.test(identity)) return null;
        identities.set(socket, identity);
        return options.psk;
      },
    },
    (req, res) => {
      const identity = identities.get(req.socket as TLSSocket);
      if (identity === undefined) {
        send(res, 401, { reason: 'the device did not identify itself in the handshake' });
        return;
      }
      void route(req, res, identity).catch((err: unknown) => {
        if (err instanceof HubRejection) return send(res, 422, { reason: err.message });
        logger.error('hub could not store a kiosk message', { from: identity, error: err instanceof Error ? err.name : 'unknown' });
        send(res, 500, { reason: 'the hub could not store this message' });
      });
    },
  );
  server.on('tlsClientError', (err) => logger.warn('hub refused a connection', { reason: err.message.slice(0, 120) }));

  async function route(req: IncomingMessage, res: ServerResponse, identity: string): Promise<void> {
    if (req.method === 'GET' && req.url === '/hub/v1/health') return send(res, 200, { status: 'ok' });
    if (req.method === 'POST' && req.url === '/hub/v1/messages') {
      const message = HubMessage.safeParse(await readJson(req));
      if (!message.success) throw new HubRejection('the message does not match the hub contract');
      const { duplicate } = options.ingest(message.data, identity, headerVersion(req.headers['x-app-version']));
      if (!duplicate) options.onIngested();
      return send(res, 200, { acked: true, duplicate });
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
    if (req.method === 'POST' && req.url === '/hub/v1/erasures' && options.erasures) {
      const done = KioskErasures.safeParse(await readJson(req));
      if (!done.success) throw new HubRejection('the erasure confirmation does not match the hub contract');
      return send(res, 200, { confirmed: options.erasures.confirm(identity, done.data.erased, options.now()) });
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
