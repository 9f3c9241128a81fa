import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralSim, type RunningSim } from '../../../electron/central-sim/sim-server';
import { EnrollmentResponse, Heartbeat, Problem, problemTypes } from '../../../shared/central-api/devices';
import { examples } from '../../../shared/central-api/examples';
import { FleetDeviceList, FleetHeartbeatHistory, FleetRollout, heartbeatHistoryMax, ItSession } from '../../../shared/central-api/fleet';
import { buildOpenApiDocument } from '../../../shared/central-api/openapi';
import { tempDir } from '../../support/paths';

const running: RunningSim[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const it_ = { username: 'ivo', password: 'regio-it-wachtwoord-2026' };

async function fleetSim() {
  let current = new Date('2026-11-24T08:30:00.000Z');
  const s = await startCentralSim({
    dbFile: join(tempDir('fleet-sim'), 'central.sqlite'),
    seed: 3,
    now: () => current,
    itAccounts: [it_],
    locations: [
      { id: 'utrecht-centrum', region: 'midden-utrecht' },
      { id: 'zwolle-centrum', region: 'regio-zwolle' },
    ],
  });
  running.push(s);
  const enroll = async (locationId: string, role: 'kiosk' | 'counter') =>
    EnrollmentResponse.parse(
      await (
        await fetch(`${s.url}/v1/devices/enroll`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ enrollmentCode: s.issueEnrollmentCode(), locationId, role, appVersion: '0.1.0' }),
        })
      ).json(),
    );
  const request = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(`${s.url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers } });
  const heartbeat = (token: string, body: Heartbeat) => request('/v1/devices/heartbeat', token, { method: 'POST', body: JSON.stringify(body) });
  const signIn = async (password = it_.password) => request('/v1/it/sessions', null, { method: 'POST', body: JSON.stringify({ username: it_.username, password }) });
  const advance = (ms: number) => {
    current = new Date(current.getTime() + ms);
  };
  return { s, enroll, request, heartbeat, signIn, advance, now: () => current };
}

const beat = (over: Partial<Heartbeat>, at: Date): Heartbeat => ({ ...Heartbeat.parse(examples.heartbeat), ...over, at: at.toISOString() });

const fleetPaths = (deviceId: string) => ['/v1/fleet/devices', `/v1/fleet/devices/${deviceId}/heartbeats`, '/v1/fleet/rollout'];

describe('the fleet paths of the central API', () => {
  it('are in the document, IT-token only', () => {
    const doc = buildOpenApiDocument();
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods as Record<string, { operationId: string }>).map((op) => op.operationId));
    expect(ids).toEqual(expect.arrayContaining(['signInIt', 'listFleetDevices', 'getFleetDeviceHistory', 'getFleetRollout']));
    for (const path of ['/v1/fleet/devices', '/v1/fleet/devices/{deviceId}/heartbeats', '/v1/fleet/rollout'] as const) {
      expect(doc.paths[path].get.security).toEqual([{ itToken: [] }]);
    }
    expect(doc.components.securitySchemes).toHaveProperty('itToken');
  });

  it('lists every device with its latest heartbeat, filtered by region, location and state, in the documented shape', async () => {
    const { enroll, heartbeat, signIn, request, advance, now } = await fleetSim();
    const counter = await enroll('utrecht-centrum', 'counter');
    const kiosk = await enroll('utrecht-centrum', 'kiosk');
    const zwolle = await enroll('zwolle-centrum', 'counter');
    expect((await heartbeat(counter.deviceToken, beat({ queueDepth: 1 }, now()))).status).toBe(202);
    expect((await heartbeat(counter.deviceToken, beat({ queueDepth: 5, health: 'degraded' }, now()))).status).toBe(202);
    expect((await heartbeat(kiosk.deviceToken, beat({}, now()))).status).toBe(202);
    expect((await heartbeat(zwolle.deviceToken, beat({}, now()))).status).toBe(202);
    advance(10 * 60_000);
    expect((await heartbeat(counter.deviceToken, beat({ queueDepth: 7, health: 'degraded' }, now()))).status).toBe(202);

    const session = ItSession.parse(await (await signIn()).json());
    const list = async (query = '') => FleetDeviceList.parse(await (await request(`/v1/fleet/devices${query}`, session.itToken)).json());
    const all = await list();
    expect(all.devices).toHaveLength(3);
    expect(all.devices.find((d) => d.deviceId === counter.deviceId)).toMatchObject({ locationId: 'utrecht-centrum', region: 'midden-utrecht', role: 'counter', queueDepth: 7, health: 'degraded' });
    expect((await list('?region=regio-zwolle')).devices.map((d) => d.deviceId)).toEqual([zwolle.deviceId]);
    expect((await list('?location=utrecht-centrum')).devices.map((d) => d.deviceId).sort()).toEqual([counter.deviceId, kiosk.deviceId].sort());
    expect((await list('?state=degraded')).devices.map((d) => d.deviceId)).toEqual([counter.deviceId]);

    // Fifteen minutes without a heartbeat (three intervals) and a device is silent.
    advance(6 * 60_000);
    expect((await list('?state=silent')).devices.map((d) => d.deviceId).sort()).toEqual([kiosk.deviceId, zwolle.deviceId].sort());

    const bad = await request('/v1/fleet/devices?state=sleepy', session.itToken);
    expect(bad.status).toBe(422);
    expect(Problem.parse(await bad.json()).errors?.[0]?.path).toBe('state');

    const history = FleetHeartbeatHistory.parse(await (await request(`/v1/fleet/devices/${counter.deviceId}/heartbeats`, session.itToken)).json());
    expect(history.heartbeats.map((h) => h.heartbeat.queueDepth)).toEqual([7, 5, 1]);
    const missing = await request('/v1/fleet/devices/019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a99/heartbeats', session.itToken);
    expect(missing.status).toBe(404);
    FleetRollout.parse(await (await request('/v1/fleet/rollout', session.itToken)).json());
  });

  it('refuses a device token on every fleet path (403), a missing or wrong IT token (401), and a wrong password the same way as an unknown user', async () => {
    const { enroll, signIn, request } = await fleetSim();
    const device = await enroll('utrecht-centrum', 'kiosk');
    for (const path of fleetPaths(device.deviceId)) {
      const asDevice = await request(path, device.deviceToken);
      expect(asDevice.status, path).toBe(403);
      expect(Problem.parse(await asDevice.json()).type).toBe(problemTypes.forbidden);
      expect((await request(path, null)).status, path).toBe(401);
      expect((await request(path, 'bm90LWEtcmVhbC1pdC10b2tlbi1hdC1hbGw')).status, path).toBe(401);
    }
    const wrong = await signIn('not-the-password-at-all');
    expect(wrong.status).toBe(401);
    const unknown = await request('/v1/it/sessions', null, { method: 'POST', body: JSON.stringify({ username: 'mallory', password: it_.password }) });
    expect(await unknown.json()).toEqual(await wrong.json());
    expect((await request('/v1/it/sessions', null, { method: 'POST', body: JSON.stringify({ username: 'ivo', password: 'short' }) })).status).toBe(422);
  });

  it('refuses IT credentials on every device path, and an expired IT token on the fleet', async () => {
    const { signIn, request, heartbeat, now, advance } = await fleetSim();
    const { itToken } = ItSession.parse(await (await signIn()).json());
    const devicePaths: [string, string, unknown][] = [
      ['POST', '/v1/devices/heartbeat', beat({}, now())],
      ['POST', '/v1/voucher-requests', examples.voucherRequest],
      ['POST', '/v1/queue-tickets', examples.ticket],
      ['POST', '/v1/statistics', examples.statistics],
      ['GET', '/v1/voucher-requests/K7QD-M3XA', undefined],
      ['GET', '/v1/content-pack', undefined],
    ];
    for (const [method, path, body] of devicePaths) {
      const res = await request(path, itToken, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'Idempotency-Key': `"${crypto.randomUUID()}"` } });
      expect(res.status, path).toBe(401);
      expect(Problem.parse(await res.json()).title, path).toMatch(/IT token/);
    }
    expect((await heartbeat(itToken, beat({}, now()))).status).toBe(401);
    advance(8 * 3600_000 + 1);
    expect((await request('/v1/fleet/devices', itToken)).status).toBe(401);
  });

  it('keeps at most a day of heartbeats per device, in the fleet history and in the raw table', async () => {
    const { s, enroll, heartbeat, signIn, request, advance, now } = await fleetSim();
    const device = await enroll('utrecht-centrum', 'counter');
    const other = await enroll('zwolle-centrum', 'counter');
    await heartbeat(other.deviceToken, beat({ queueDepth: 99 }, now()));
    for (let i = 0; i < heartbeatHistoryMax + 12; i++) {
      s.fleet.record(device.deviceId, beat({ queueDepth: i }, now()), now());
      advance(1000);
    }
    for (let i = 0; i < 3; i++) expect((await heartbeat(device.deviceToken, beat({ queueDepth: 1000 + i }, now()))).status).toBe(202);
    expect(s.fleet.historyCount(device.deviceId)).toBe(heartbeatHistoryMax);
    expect(s.fleet.historyCount(other.deviceId)).toBe(1);
    const { itToken } = ItSession.parse(await (await signIn()).json());
    const history = FleetHeartbeatHistory.parse(await (await request(`/v1/fleet/devices/${device.deviceId}/heartbeats`, itToken)).json());
    expect(history.heartbeats).toHaveLength(heartbeatHistoryMax);
    expect(history.heartbeats[0]?.heartbeat.queueDepth).toBe(1002);
    for (let i = 0; i < heartbeatHistoryMax + 5; i++) s.store.recordHeartbeat(device.deviceId, beat({}, now()), now());
    expect((s.store.db.prepare('SELECT count(*) AS n FROM heartbeats WHERE device_id = ?').get(device.deviceId) as { n: number }).n).toBe(heartbeatHistoryMax);
  });
});
