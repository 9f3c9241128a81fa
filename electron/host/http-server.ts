import { timingSafeEqual } from 'node:crypto';
import { extname } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpStatusFor, type BridgeError } from '../../shared/contract/errors';
import { contentSecurityPolicy, headerOnlyDirectives, serializeCsp } from '../../shared/security/content-security-policy';
import type { Dispatch } from '../core/bridge/dispatch';
import type { Logger } from '../core/log/logger';
import { resolveStaticPath, sendStaticFile } from './static-files';

export interface HostServerOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token: string;
  logger: Logger;
  maxBodyBytes?: number;
}

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': serializeCsp({ ...contentSecurityPolicy, ...headerOnlyDirectives }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: BridgeError): void {
  sendJson(res, status, { error });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Only our own origin may talk to us: blocks DNS-rebinding pages that resolve a name to 127.0.0.1. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser host: the same contract as Electron IPC, over HTTP on loopback. The token is
 * checked before anything else under /api/, so an unauthenticated caller learns nothing.
 */
export function createHostServer(options: HostServerOptions): Server {
  const { dispatch, staticDir, token, logger } = options;
  const maxBody = options.maxBodyBytes ?? 1_000_000;

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (!tokenMatches(req.headers.authorization, token)) {
      sendError(res, 401, { code: 'unauthorized', message: 'A valid bearer token is required.' });
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, { code: 'invalid_input', message: 'Use POST for bridge calls.' });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(res, 415, { code: 'invalid_input', message: 'Send the input as application/json.' });
      return;
    }
    const tooLarge = (): void => {
      // Answer first, then drop the connection: the rest of the body is never read.
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      sendError(res, 413, { code: 'invalid_input', message: `The input is larger than ${maxBody} bytes.` });
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      tooLarge();
      return;
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) tooLarge();
      return;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendError(res, 400, { code: 'invalid_input', message: 'The body is not valid JSON.', issues: [] });
      return;
    }
    const channel = path.slice('/api/'.length);
    const outcome = await dispatch(channel, payload, { transport: 'http' });
    if (outcome.ok) sendJson(res, 200, { result: outcome.result });
    else sendError(res, httpStatusFor[outcome.error.code], outcome.error);
  };

  const server = createServer((req, res) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (!hostAllowed(req, port)) {
      sendError(res, 421, { code: 'forbidden', message: 'This host only answers on 127.0.0.1.' });
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      handleApi(req, res, path).catch((err: unknown) => {
        logger.error('browser host failed to answer', { error: err instanceof Error ? err.message : String(err) });
        if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The host could not answer.' });
        else res.destroy();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, { code: 'invalid_input', message: 'Only GET is allowed here.' });
      return;
    }
    // A path without a file extension is a screen route: the single-page app answers it.
    const file = resolveStaticPath(staticDir, path) ?? (extname(path) ? null : resolveStaticPath(staticDir, '/'));
    if (!file) {
      sendError(res, 404, { code: 'not_found', message: `Nothing is served at ${path.slice(0, 80)}; if the app itself is missing, run npm run build.` });
      return;
    }
    sendStaticFile(res, file, securityHeaders);
  });
  return server;
}
