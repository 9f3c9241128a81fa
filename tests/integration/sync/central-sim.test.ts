import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralSim, type RunningSim } from '../../../electron/central-sim/sim-server';
import { EnrollmentResponse, problemTypes } from '../../../shared/central-api/devices';
import { examples } from '../../../shared/central-api/examples';
import { buildOpenApiDocument, componentSchemas, type ComponentName } from '../../../shared/central-api/openapi';
import { VoucherRequestReceipt, VoucherRequestState } from '../../../shared/central-api/voucher-requests';
import { tempDir } from '../../support/paths';
import { until } from '../../support/until';
import { submittedVisitor } from '../../support/voucher-input';

const running: RunningSim[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function sim(options: Partial<Parameters<typeof startCentralSim>[0]> = {}) {
  const s = await startCentralSim({ dbFile: join(tempDir('sim'), 'central.sqlite'), seed: 7, ...options });
  running.push(s);
  const code = s.issueEnrollmentCode();
  const enrolled = EnrollmentResponse.parse(
    await (
      await fetch(`${s.url}/v1/devices/enroll`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ enrollmentCode: code, locationId: 'utrecht-centrum', role: 'kiosk', appVersion: 'test' }),
      })
    ).json(),
  );
  const post = (path: string, body: unknown, key: string | null = crypto.randomUUID(), token = enrolled.deviceToken) =>
    fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(key === null ? {} : { 'Idempotency-Key': `"${key}"` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { s, code, token: enrolled.deviceToken, post };
}

const submission = (n = 1, reference = 'K7QD-M3XA') => ({ ...submittedVisitor(n), reference, locationId: 'utrecht-centrum', region: 'midden-utrecht', startedAt: '2026-11-24T08:00:00.000Z' });

describe('central API simulator: Idempotency-Key', () => {
  it('refuses a submission without a key with 400 and stores nothing', async () => {
    const { s, post } = await sim();
    const res = await post('/v1/voucher-requests', submission(), null);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ type: problemTypes.missingKey, status: 400 });
    expect(s.stats().storedTotal).toBe(0);
  });

  it('answers a repeated key with the stored response and stores the request once', async () => {
    const { s, post } = await sim();
    const first = await post('/v1/voucher-requests', submission(), 'key-1');
    expect(first.status).toBe(201);
    const receipt = VoucherRequestReceipt.parse(await first.json());
    const again = await post('/v1/voucher-requests', submission(), 'key-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(receipt);
    expect(s.stats()).toMatchObject({ storedTotal: 1, distinctStored: 1, duplicatesAbsorbed: 1 });
  });

  it('treats the same JSON with keys in another order as the same request', async () => {
    const { post } = await sim();
    const body = submission();
    expect((await post('/v1/voucher-requests', body, 'k')).status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await post('/v1/voucher-requests', reordered, 'k')).status).toBe(201);
  });

  it('refuses the same key with a different body with 422', async () => {
    const { s, post } = await sim();
    expect((await post('/v1/voucher-requests', submission(1), 'key-2')).status).toBe(201);
    const res = await post('/v1/voucher-requests', submission(2), 'key-2');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ type: problemTypes.keyReused });
    expect(s.stats().storedTotal).toBe(1);
  });

  it('answers 409 while the first request with the key is still being processed', async () => {
    const dbFile = join(tempDir('sim'), 'central.sqlite');
    const { s, post } = await sim({ dbFile, faults: { slowRate: 1, slowMs: 400 } });
    const first = post('/v1/voucher-requests', submission(), 'key-3');
    // Evidence that the simulator holds the first request: its key is claimed and not yet done.
    await until(() => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare(`SELECT 1 FROM idempotency WHERE state = 'in-flight'`).get() !== undefined;
      } finally {
        db.close();
      }
    }, 5000, 'the first request in flight');
    s.setFaults({});
    const second = await post('/v1/voucher-requests', submission(), 'key-3');
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ type: problemTypes.keyInFlight });
    expect((await first).status).toBe(201);
    expect((await post('/v1/voucher-requests', submission(), 'key-3')).status).toBe(201);
    expect(s.stats()).toMatchObject({ storedTotal: 1, conflicts: 1 });
  });

  it('stores the work of a request whose answer was lost, and replays that answer to the retry', async () => {
    const { s, post } = await sim({ faults: { ackLossRate: 1 } });
    await expect(post('/v1/voucher-requests', submission(), 'key-4')).rejects.toThrow();
    expect(s.stats().storedTotal).toBe(1);
    s.setFaults({});
    const retry = await post('/v1/voucher-requests', submission(), 'key-4');
    expect(retry.status).toBe(201);
    expect(s.stats()).toMatchObject({ storedTotal: 1, duplicatesAbsorbed: 1 });
  });

  it('names the invalid fields of a body that breaks the contract (422) and never stores it', async () => {
    const { s, post } = await sim();
    const res = await post('/v1/voucher-requests', { ...submission(), trajectory: 'astrology' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { type: string; errors: { path: string }[] };
    expect(body.type).toBe(problemTypes.invalidBody);
    expect(body.errors.map((e) => e.path)).toContain('trajectory');
    expect(s.stats().storedTotal).toBe(0);
  });
});

describe('central API simulator: the other operations', () => {
  it('uses an enrollment code once, refuses unknown tokens with 401 and revoked ones too', async () => {
    const { s, code, post } = await sim();
    const again = await fetch(`${s.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ enrollmentCode: code, locationId: 'utrecht-centrum', role: 'kiosk', appVersion: 'test' }),
    });
    expect(again.status).toBe(403);
    expect((await post('/v1/voucher-requests', submission(), undefined, 'x'.repeat(40))).status).toBe(401);
    await fetch(`${s.url}/_sim/revoke-tokens`, { method: 'POST' });
    expect((await post('/v1/voucher-requests', submission())).status).toBe(401);
  });

  it('looks a stored request up by its reference', async () => {
    const { s, token, post } = await sim();
    await post('/v1/voucher-requests', submission(1, 'ACDE-FGHJ'));
    const res = await fetch(`${s.url}/v1/voucher-requests/ACDE-FGHJ`, { headers: { Authorization: `Bearer ${token}` } });
    expect(VoucherRequestState.parse(await res.json())).toMatchObject({ reference: 'ACDE-FGHJ', status: 'received' });
    expect((await fetch(`${s.url}/v1/voucher-requests/ACDE-FGHK`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('serves the content pack it is given with an ETag and answers 304 when it has not changed', async () => {
    const pack = join(tempDir('pack'), 'pack.json');
    writeFileSync(pack, JSON.stringify({ version: '2026.11.1' }));
    const { s, token } = await sim({ contentPackFile: pack });
    const auth = { Authorization: `Bearer ${token}` };
    const first = await fetch(`${s.url}/v1/content-pack`, { headers: auth });
    const etag = first.headers.get('etag') ?? '';
    expect(await first.json()).toEqual({ version: '2026.11.1' });
    expect(etag).toMatch(/^"sha256-/);
    expect((await fetch(`${s.url}/v1/content-pack`, { headers: { ...auth, 'If-None-Match': etag } })).status).toBe(304);
    writeFileSync(pack, JSON.stringify({ version: '2026.11.2' }));
    const changed = await fetch(`${s.url}/v1/content-pack`, { headers: { ...auth, 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('accepts heartbeats and anonymous statistics, and refuses statistics with unknown fields', async () => {
    const { s, token, post } = await sim();
    const send = (path: string, body: unknown) =>
      fetch(`${s.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await send('/v1/devices/heartbeat', {
          appVersion: '0.1.0',
          contentVersion: null,
          health: 'ok',
          queueDepth: 3,
          needsAttention: 0,
          oldestPendingAgeSeconds: 12,
          update: { currentVersion: '0.1.0', channel: 'stable', rolloutPosition: 12, lastCheckedAt: null, state: { phase: 'idle' } },
          printer: { kind: 'tcp', state: 'ready', paperLow: false, reportsPaper: true, checkedAt: '2026-11-24T08:29:58.000Z', pendingJobs: 0, failedJobs: 0 },
          diskFreeBytes: 5_000_000_000,
          at: '2026-11-24T08:00:00.000Z',
        })).status).toBe(202);
    const stats = { locationId: 'utrecht-centrum', from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z', counts: [{ metric: 'voucher-started', value: '<5' }] };
    expect((await send('/v1/statistics', stats)).status).toBe(202);
    // A small cell sent as a number is refused: it never leaves a device (docs/statistics.md).
    expect((await send('/v1/statistics', { ...stats, counts: [{ metric: 'voucher-started', value: 4 }] })).status).toBe(422);
    expect((await send('/v1/statistics', { ...stats, visitorName: 'x' })).status).toBe(422);

    // With a key, as the outbox sends it: the same day twice is recorded once, the same key with other counts is refused.
    const key = crypto.randomUUID();
    expect((await post('/v1/statistics', stats, key)).status).toBe(202);
    const again = await post('/v1/statistics', stats, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await post('/v1/statistics', { ...stats, counts: [{ metric: 'voucher-started', value: 5 }] }, key)).status).toBe(422);
  });

  it('injects Retry-After and counts the peak of concurrent requests', async () => {
    const { s, post } = await sim({ faults: { retryAfterRate: 1, retryAfterSeconds: 7 } });
    const res = await post('/v1/voucher-requests', submission());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    s.setFaults({ slowRate: 1, slowMs: 200 });
    await Promise.all([1, 2, 3].map((n) => post('/v1/voucher-requests', submission(n, `ACDE-FGH${n + 6}`))));
    expect(s.stats().peakConcurrent).toBeGreaterThanOrEqual(3);
  });
});

describe('central API simulator against the OpenAPI document', () => {
  it('answers every documented example request with a documented status and a body its schema accepts', async () => {
    const { s, token } = await sim();
    const doc = buildOpenApiDocument();
    const auth = { Authorization: `Bearer ${token}` };
    const calls: [keyof typeof doc.paths, 'get' | 'post', string, RequestInit][] = [
      ['/v1/health', 'get', '/v1/health', {}],
      ['/v1/devices/enroll', 'post', '/v1/devices/enroll', { body: JSON.stringify({ ...examples.enrollmentRequest, enrollmentCode: s.issueEnrollmentCode() }) }],
      ['/v1/voucher-requests', 'post', '/v1/voucher-requests', { headers: { ...auth, 'Idempotency-Key': '"a"' }, body: JSON.stringify(examples.voucherRequest) }],
      ['/v1/voucher-requests/{reference}', 'get', '/v1/voucher-requests/K7QD-M3XA', { headers: auth }],
      ['/v1/queue-tickets', 'post', '/v1/queue-tickets', { headers: { ...auth, 'Idempotency-Key': '"b"' }, body: JSON.stringify(examples.ticket) }],
      ['/v1/devices/heartbeat', 'post', '/v1/devices/heartbeat', { headers: auth, body: JSON.stringify(examples.heartbeat) }],
      ['/v1/statistics', 'post', '/v1/statistics', { headers: auth, body: JSON.stringify(examples.statistics) }],
      ['/v1/voucher-requests', 'post', '/v1/voucher-requests', { headers: auth, body: JSON.stringify(examples.voucherRequest) }],
    ];
    for (const [path, method, url, init] of calls) {
      const res = await fetch(s.url + url, { method: method.toUpperCase(), ...init, headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
      const operation = (doc.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>)[method];
      const documented = operation?.responses[String(res.status)];
      expect(documented, `${method} ${url} answered ${res.status}`).toBeDefined();
      const [type, media] = Object.entries(documented?.content ?? {})[0] ?? [];
      expect(res.headers.get('content-type')).toBe(type);
      const schema = componentSchemas[media?.schema.$ref.replace('#/components/schemas/', '') as ComponentName];
      expect(schema.safeParse(await res.json()).success).toBe(true);
    }
  });
});
