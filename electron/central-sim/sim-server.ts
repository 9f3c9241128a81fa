import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import type { z } from 'zod';
import { packSignatureHeader } from '../../shared/content/pack-signature';
import { EnrollmentRequest, Heartbeat, problemTypes, UsageStatistics, type Problem } from '../../shared/central-api/devices';
import { QueueTicketRecord, VoucherRequestCompletion, VoucherRequestSubmission } from '../../shared/central-api/voucher-requests';
import { formatIssues } from '../../shared/validation/format-issues';
import { drawFault, FaultSettings, seededRandom, type Fault, type FaultSettingsInput } from './faults';
import { fingerprint, parseIdempotencyKey } from './idempotency-key';
import { openSimAgenda } from './sim-agenda';
import { openSimStore, type SimStore } from './sim-store';
import { bearerToken, fleetRoute } from './fleet-routes';
import { openFleetStore, type FleetStore } from './fleet-store';

export interface SimOptions {
  /** The simulator's SQLite file. */
  dbFile: string;
  port?: number;
  faults?: FaultSettingsInput;
  /** Seeds the fault draws, so a run can be repeated exactly. */
  seed?: number;
  /** Off only for load tests that measure the sync path alone. */
  requireAuth?: boolean;
  /** The content pack GET /v1/content-pack serves (the content engineer points this at a built pack). */
  contentPackFile?: string;
  now?: () => Date;
  /** The update folder (latest.yml, pilot.yml, beta.yml) the fleet's rollout view reads. */
  updateDir?: string;
  /** IT accounts that may sign in to the fleet paths. */
  itAccounts?: readonly { username: string; password: string }[];
  /** The region of each location, for the fleet's region filter. */
  locations?: readonly { id: string; region: string }[];
  /**
   * Places per slot every shop of the pack gives outposts, as if each shop's hub had sent that
   * allowance (a real hub's first one replaces it). Without it a shop's time is bookable by
   * outposts only once its hub sent an allowance.
   */
  outpostPlaces?: number;
}

export interface SimStats {
  requestsReceived: number;
  storedTotal: number;
  distinctStored: number;
  duplicatesStored: number;
  duplicatesAbsorbed: number;
  conflicts: number;
  peakConcurrent: number;
  concurrentNow: number;
  faults: Record<Fault | 'down', number>;
}

export interface RunningSim {
  url: string;
  port: number;
  store: SimStore;
  fleet: FleetStore;
  stats(): SimStats;
  resetStats(): void;
  setFaults(input: FaultSettingsInput): FaultSettings;
  setContentPack(file: string | undefined): void;
  issueEnrollmentCode(): string;
  close(): Promise<void>;
}

const maxBody = 64 * 1024;

class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

const problem = (status: number, type: string, title: string, extra: Partial<Problem> = {}): HttpProblem => new HttpProblem({ type, title, status, ...extra });

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const isProblem = status >= 400;
  res.writeHead(status, { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...headers }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(problem(413, problemTypes.invalidBody, 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw problem(400, problemTypes.invalidBody, 'The request body is not JSON.');
  }
}

function validate<S extends z.ZodType>(schema: S, body: unknown): { ok: true; data: z.infer<S> } | { ok: false; problem: Problem } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, problem: { type: problemTypes.invalidBody, title: 'The request body does not match the contract.', status: 422, errors: formatIssues(parsed.error) } };
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The central API as this project specifies it (shared/central-api/openapi.json), over real HTTP
 * on 127.0.0.1 with its own SQLite file, plus the faults a real network and a real server have.
 */
export async function startCentralSim(options: SimOptions): Promise<RunningSim> {
  const store = openSimStore(options.dbFile);
  const fleet = openFleetStore(store.db);
  for (const account of options.itAccounts ?? []) fleet.addItAccount(account.username, account.password);
  if (options.locations) fleet.setLocations(options.locations);
  const now = options.now ?? (() => new Date());
  const random = seededRandom(options.seed ?? Date.now());
  const requireAuth = options.requireAuth ?? true;
  let faults = FaultSettings.parse(options.faults ?? {});
  let contentPackFile = options.contentPackFile;
  // The shops' agendas for outposts, in a database file of their own beside the simulator's.
  const agenda = openSimAgenda({ dbFile: `${options.dbFile}-agenda.sqlite`, packFile: () => contentPackFile, now });
  if (options.outpostPlaces !== undefined) agenda.allowEveryShop(options.outpostPlaces);

  const zeroFaults = (): SimStats['faults'] => ({ 'server-error': 0, timeout: 0, reset: 0, 'ack-loss': 0, 'retry-after': 0, slow: 0, down: 0 });
  let counters = { requestsReceived: 0, duplicatesAbsorbed: 0, conflicts: 0, peakConcurrent: 0, faults: zeroFaults() };
  let concurrent = 0;

  const authenticate = (req: IncomingMessage): string | null => {
    const token = bearerToken(req);
    const deviceId = token ? store.deviceFor(token) : null;
    if (token && !deviceId && fleet.itUserFor(token, now())) throw problem(401, problemTypes.unauthorized, 'An IT token opens the fleet paths only, never a device path.');
    if (!deviceId && requireAuth) throw problem(401, problemTypes.unauthorized, 'The device token is missing, unknown or revoked.');
    return deviceId;
  };

  /** The Idempotency-Key flow of the draft: 400 without a key, 422 for a reused key, 409 while in flight, the stored answer after. */
  async function idempotentPost(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    fault: Fault | null,
    handle: (body: unknown, deviceId: string | null) => { status: number; produce: () => unknown },
  ): Promise<void> {
    const deviceId = authenticate(req);
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    const body = parseJson(await readBody(req));
    if (!key) throw problem(400, problemTypes.missingKey, 'This operation needs an Idempotency-Key header.', { detail: 'Send a unique key per request, e.g. Idempotency-Key: "<uuid>".' });
    const print = fingerprint(route, body);
    const lookup = store.lookup(key, route, print);
    if (lookup.state === 'mismatch') throw problem(422, problemTypes.keyReused, 'This Idempotency-Key was already used with a different request.');
    if (lookup.state === 'in-flight') {
      counters.conflicts++;
      throw problem(409, problemTypes.keyInFlight, 'A request with this Idempotency-Key is still being processed.', { detail: 'Retry later.' });
    }
    if (lookup.state === 'done') {
      counters.duplicatesAbsorbed++;
      send(res, lookup.response.status, lookup.response.body, { 'Idempotent-Replayed': 'true' });
      return;
    }
    try {
      if (fault === 'slow') {
        store.claim(key, route, print, now());
        await delay(faults.slowMs);
      }
      const outcome = handle(body, deviceId);
      const answer = await store.complete(key, route, print, now(), outcome.status, outcome.produce);
      if (fault === 'ack-loss') {
        req.socket.destroy();
        return;
      }
      send(res, outcome.status, answer);
    } catch (err) {
      store.release(key);
      throw err;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, fault: Fault | null): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/v1/health') return send(res, 200, { status: 'ok', time: now().toISOString() });
    const fleetIo = {
      send,
      readJson: async (r: IncomingMessage) => parseJson(await readBody(r)),
      fail: (p: Problem): never => {
        throw new HttpProblem(p);
      },
      now,
      deviceFor: (token: string) => store.deviceFor(token),
      updateDir: () => options.updateDir,
    };
    if (await fleetRoute(req, res, fleet, fleetIo)) return;

    if (method === 'POST' && path === '/v1/devices/enroll') {
      const checked = validate(EnrollmentRequest, parseJson(await readBody(req)));
      if (!checked.ok) return send(res, 422, checked.problem);
      const device = store.enroll(checked.data.enrollmentCode, checked.data.locationId, checked.data.role, now());
      if (!device) throw problem(403, problemTypes.unauthorized, 'This enrollment code is unknown or was already used.');
      return send(res, 201, { ...device, enrolledAt: now().toISOString() });
    }

    if (method === 'POST' && path === '/v1/voucher-requests') {
      return idempotentPost(req, res, path, fault, (body, deviceId) => {
        const checked = validate(VoucherRequestSubmission, body);
        if (!checked.ok) return { status: 422, produce: () => checked.problem };
        const refused = faults.refuseEmailDomain;
        if (refused && checked.data.contact.email?.toLowerCase().endsWith(`@${refused.toLowerCase()}`)) {
          const problemBody = { type: problemTypes.invalidBody, title: 'The e-mail address cannot receive mail; ask the visitor for another one.', status: 422 };
          return { status: 422, produce: () => problemBody };
        }
        return {
          status: 201,
          produce: () => {
            const at = now();
            const requestId = store.recordReceived('voucher-request', checked.data.reference, deviceId, 'received', checked.data, at);
            return { requestId, reference: checked.data.reference, status: 'received', receivedAt: at.toISOString() };
          },
        };
      });
    }

    if (method === 'POST' && path === '/v1/queue-tickets') {
      return idempotentPost(req, res, path, fault, (body, deviceId) => {
        const checked = validate(QueueTicketRecord, body);
        if (!checked.ok) return { status: 422, produce: () => checked.problem };
        return {
          status: 201,
          produce: () => {
            const at = now();
            const ticketId = store.recordReceived('queue-ticket', `${checked.data.serviceDay}/${checked.data.number}`, deviceId, 'received', checked.data, at);
            return { ticketId, receivedAt: at.toISOString() };
          },
        };
      });
    }

    if (method === 'POST' && path === '/v1/voucher-request-completions') {
      return idempotentPost(req, res, path, fault, (body, deviceId) => {
        const checked = validate(VoucherRequestCompletion, body);
        if (!checked.ok) return { status: 422, produce: () => checked.problem };
        if (!store.findReceived('voucher-request', checked.data.reference)) {
          return { status: 404, produce: () => ({ type: problemTypes.notFound, title: 'There is no voucher request with this reference.', status: 404 }) };
        }
        return {
          status: 201,
          produce: () => {
            const at = now();
            store.recordReceived('voucher-request-completion', checked.data.reference, deviceId, 'received', checked.data, at);
            return { reference: checked.data.reference, receivedAt: at.toISOString() };
          },
        };
      });
    }

    const statusMatch = /^\/v1\/voucher-requests\/([A-Z0-9-]{9})$/.exec(path);
    if (method === 'GET' && statusMatch?.[1]) {
      authenticate(req);
      const found = store.findReceived('voucher-request', statusMatch[1]);
      if (!found) throw problem(404, problemTypes.notFound, 'There is no voucher request with this reference.');
      return send(res, 200, { reference: statusMatch[1], status: found.status, receivedAt: found.received_at, updatedAt: found.received_at });
    }

    if (method === 'GET' && path === '/v1/content-pack') {
      authenticate(req);
      if (!contentPackFile) throw problem(404, problemTypes.notFound, 'No content pack is published.');
      const bytes = readFileSync(contentPackFile);
      const etag = `"sha256-${createHash('sha256').update(bytes).digest('base64url')}"`;
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return send(res, 304, undefined, { ETag: etag });
      const type = { '.json': 'application/json', '.zip': 'application/zip' }[extname(contentPackFile)] ?? 'application/octet-stream';
      // content:build writes pack.sig beside pack.json; the device needs both from one response.
      const sigFile = join(dirname(contentPackFile), 'pack.sig');
      const headers: Record<string, string> = { 'Content-Type': type, ETag: etag, 'Cache-Control': 'no-cache', 'Accept-Ranges': 'bytes' };
      if (existsSync(sigFile)) headers[packSignatureHeader] = readFileSync(sigFile).toString('base64');
      const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? Number.NaN);
      if (req.headers['if-range'] === etag && from > 0 && from < bytes.length) {
        res.writeHead(206, { ...headers, 'Content-Range': `bytes ${from}-${bytes.length - 1}/${bytes.length}`, 'Content-Length': String(bytes.length - from) }).end(bytes.subarray(from));
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(bytes.length) }).end(bytes);
      return;
    }

    if (method === 'POST' && path === '/v1/devices/heartbeat') {
      const deviceId = authenticate(req);
      const checked = validate(Heartbeat, parseJson(await readBody(req)));
      if (!checked.ok) return send(res, 422, checked.problem);
      store.recordHeartbeat(deviceId ?? 'anonymous', checked.data, now());
      if (deviceId) fleet.record(deviceId, checked.data, now());
      return send(res, 202, { receivedAt: now().toISOString() });
    }

    // With an Idempotency-Key (the device's outbox sends one), a resent day is recorded once.
    if (method === 'POST' && path === '/v1/statistics' && req.headers['idempotency-key']) {
      return idempotentPost(req, res, path, fault, (body, deviceId) => {
        const checked = validate(UsageStatistics, body);
        if (!checked.ok) return { status: 422, produce: () => checked.problem };
        return {
          status: 202,
          produce: () => {
            store.recordStatistics(deviceId ?? 'anonymous', checked.data, now());
            return { receivedAt: now().toISOString() };
          },
        };
      });
    }

    if (method === 'POST' && path === '/v1/statistics') {
      const deviceId = authenticate(req);
      const checked = validate(UsageStatistics, parseJson(await readBody(req)));
      if (!checked.ok) return send(res, 422, checked.problem);
      store.recordStatistics(deviceId ?? 'anonymous', checked.data, now());
      return send(res, 202, { receivedAt: now().toISOString() });
    }

    if (path.startsWith('/v1/locations/') || path.startsWith('/v1/sessions/') || path === '/v1/appointment-cancellations') {
      authenticate(req);
      const answer = await agenda.handle(method, url, req, async () => parseJson(await readBody(req)));
      // Committed, but the answer never arrives: the client must find its booking again by its key.
      if (answer && fault === 'ack-loss') return void req.socket.destroy();
      if (answer) return send(res, answer.status, answer.body);
    }

    throw problem(404, problemTypes.notFound, `No such operation: ${method} ${path.slice(0, 80)}`);
  }

  /** The simulator's own knobs: not part of the central API contract. */
  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/_sim/stats') return send(res, 200, stats());
    if (method === 'POST' && path === '/_sim/stats/reset') return (resetStats(), send(res, 200, stats()));
    if (method === 'GET' && path === '/_sim/faults') return send(res, 200, faults);
    if (method === 'PUT' && path === '/_sim/faults') {
      const parsed = FaultSettings.safeParse(parseJson(await readBody(req)));
      if (!parsed.success) return send(res, 422, { type: problemTypes.invalidBody, title: 'Invalid fault settings.', status: 422, errors: formatIssues(parsed.error) });
      faults = parsed.data;
      return send(res, 200, faults);
    }
    if (method === 'POST' && path === '/_sim/enrollment-codes') return send(res, 201, { enrollmentCode: store.issueEnrollmentCode() });
    if (method === 'POST' && path === '/_sim/revoke-tokens') return (store.revokeAllTokens(), send(res, 200, { revoked: true }));
    if (method === 'GET' && path === '/_sim/received') return send(res, 200, store.received());
    throw problem(404, problemTypes.notFound, 'No such simulator control.');
  }

  const server: Server = createServer((req, res) => {
    const isControl = (req.url ?? '').startsWith('/_sim/');
    const isHealth = (req.url ?? '').startsWith('/v1/health');
    if (!isControl) {
      concurrent++;
      counters.peakConcurrent = Math.max(counters.peakConcurrent, concurrent);
      res.once('close', () => concurrent--);
      if (!isHealth) counters.requestsReceived++;
    }
    if (!isControl && faults.down) {
      counters.faults.down++;
      req.socket.destroy();
      return;
    }
    const fault = isControl || isHealth || req.url === '/v1/devices/enroll' ? null : drawFault(faults, random);
    if (fault) counters.faults[fault]++;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'timeout') {
      const timer = setTimeout(() => req.socket.destroy(), faults.holdMs);
      res.once('close', () => clearTimeout(timer));
      return;
    }
    if (fault === 'server-error') {
      const status = [500, 502, 503][Math.floor(random() * 3)] ?? 500;
      return send(res, status, { type: problemTypes.unavailable, title: 'The central API had a problem.', status });
    }
    if (fault === 'retry-after') {
      return send(res, 503, { type: problemTypes.unavailable, title: 'The central API is busy.', status: 503 }, { 'Retry-After': String(faults.retryAfterSeconds) });
    }
    (isControl ? control(req, res) : route(req, res, fault)).catch((err: unknown) => {
      if (err instanceof HttpProblem) return send(res, err.problem.status, err.problem);
      send(res, 500, { type: problemTypes.unavailable, title: 'The simulator failed.', status: 500, detail: err instanceof Error ? err.message : String(err) });
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  function stats(): SimStats {
    const { stored, distinct } = store.counts();
    return {
      requestsReceived: counters.requestsReceived,
      storedTotal: stored,
      distinctStored: distinct,
      duplicatesStored: stored - distinct,
      duplicatesAbsorbed: counters.duplicatesAbsorbed,
      conflicts: counters.conflicts,
      peakConcurrent: counters.peakConcurrent,
      concurrentNow: concurrent,
      faults: { ...counters.faults },
    };
  }
  function resetStats(): void {
    counters = { requestsReceived: 0, duplicatesAbsorbed: 0, conflicts: 0, peakConcurrent: concurrent, faults: zeroFaults() };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    fleet,
    stats,
    resetStats,
    setFaults: (input) => (faults = FaultSettings.parse(input)),
    setContentPack: (file) => {
      contentPackFile = file;
    },
    issueEnrollmentCode: () => store.issueEnrollmentCode(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      agenda.close();
    },
  };
}
