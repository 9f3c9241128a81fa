import { extname } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { httpStatusFor, type BridgeError } from '../../shared/contract/errors';
import { contentSecurityPolicy, headerOnlyDirectives, serializeCsp } from '../../shared/security/content-security-policy';
import type { DeviceRole } from '../../shared/config/device-config';
import type { Dispatch } from '../core/bridge/dispatch';
import type { Logger } from '../core/log/logger';
import type { ClientSessions } from './client-sessions';
import { resolveStaticPath, sendStaticFile } from './static-files';

export interface HostServerOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  sessions: ClientSessions;
  /** Told after a one-time address has been traded for a session, e.g. to print the next one. */
  onOpened?: () => void;
  logger: Logger;
  maxBodyBytes?: number;
  /** The kiosk may use a camera, for an invitation letter's QR; the counter may not. */
  role: DeviceRole;
}

/** The kiosk's own origin alone may ask for the camera (`self`, never a frame from elsewhere). */
export function permissionsPolicy(role: DeviceRole): string {
  return `camera=${role === 'kiosk' ? '(self)' : '()'}, microphone=(), geolocation=(), usb=(), serial=(), hid=()`;
}

function securityHeadersFor(role: DeviceRole): Record<string, string> {
  return {
    'Content-Security-Policy': serializeCsp({ ...contentSecurityPolicy, ...headerOnlyDirectives }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': permissionsPolicy(role),
  };
}

/** A bridge answer is data, never a page: it allows no camera, whichever role serves it. */
const apiHeaders = securityHeadersFor('counter');

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...apiHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: BridgeError): void {
  sendJson(res, status, { error });
}

/** Cookies ignore the port: a kiosk and a counter host on one machine must not overwrite each other's. */
export const sessionCookieName = (port: number) => `loopbaan-session-${port}`;

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
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
 * The browser host: the same contract as Electron IPC, over HTTP on loopback. The session cookie
 * is checked before anything else under /api/, so an unauthenticated caller learns nothing, and
 * it names the client each call comes from.
 */
export function createHostServer(options: HostServerOptions): Server {
  const { dispatch, staticDir, sessions, logger } = options;
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const securityHeaders = securityHeadersFor(options.role);

  const handleOpen = (req: IncomingMessage, res: ServerResponse, port: number, path: string): void => {
    const session = sessions.exchange(path.slice('/open/'.length));
    if (!session) {
      sendError(res, 401, { code: 'unauthorized', message: 'This address has been used already or has expired. Open the newest address the app printed.' });
      return;
    }
    const query = (req.url ?? '').slice(path.length);
    res.writeHead(303, {
      ...securityHeaders,
      'Cache-Control': 'no-store',
      'Set-Cookie': `${sessionCookieName(port)}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      // Only a query of our own screens travels on, e.g. ?screen=now-serving.
      Location: `/${/^\?[A-Za-z0-9=&_-]*$/.test(query) ? query : ''}`,
    });
    res.end();
    options.onOpened?.();
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, port: number, path: string): Promise<void> => {
    const sessionId = cookieValue(req.headers.cookie, sessionCookieName(port));
    const client = sessionId === null ? null : sessions.clientFor(sessionId);
    if (client === null) {
      sendError(res, 401, { code: 'unauthorized', message: 'Open the app through the address it printed: this browser has no session.' });
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
    const outcome = await dispatch(channel, payload, { transport: 'http', client });
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
      handleApi(req, res, port, path).catch((err: unknown) => {
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
    // Only a real GET spends a one-time address: a HEAD (a link preview, a check) leaves it alone.
    if (path.startsWith('/open/') && req.method === 'GET') {
      handleOpen(req, res, port, path);
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
