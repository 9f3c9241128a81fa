import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createHubClient } from '../../../electron/core/hub/hub-client';
import { hubIdentity, hubPsk } from '../../../electron/core/hub/hub-psk';
import { silentLogger } from '../../../electron/core/log/logger';
import type { PendingMessage } from '../../../electron/core/outbox/outbox';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import type { HubKiosk, HubStatus } from '../../../shared/contract/desk-channels';
import type { SyncStatus } from '../../../shared/contract/sync-channels';
import type { DeviceDiagnostics } from '../../../shared/contract/device-channels';
import { startCounterCore, type CounterCore } from '../../support/counter-core';
import { freePort } from '../../support/free-port';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync } from '../../support/sync-rig';
import { until } from '../../support/until';

const location = { id: 'zwolle-centrum', name: 'Zwolle' };
const cores: Core[] = [];
const at = new Date('2026-11-24T09:00:00.000Z');
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function startHub(port: number, locationKey: string, dataDir?: string): Promise<CounterCore> {
  const hub = startCounterCore({ dataDir, config: { ticketPrefix: 'A', hub: { listenHost: '127.0.0.1', port, locationKey } } });
  cores.push(hub.core);
  if (dataDir) await hub.call('staff.signIn', { username: 'anna', pin: '482915' });
  else await hub.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await until(async () => Boolean((await hub.call('hub.status', {})).listening), 5000, 'the hub listening');
  return hub;
}

/** A real kiosk core on its own data dir, sending to the hub at `port`, with a heartbeat every 200 ms so its link state is fresh. */
function startKiosk(port: number, locationKey: string, options: { dataDir?: string; locationId?: string; prefix?: string } = {}) {
  const dataDir = options.dataDir ?? tempDir('kiosk');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role: 'kiosk', location: { ...location, id: options.locationId ?? location.id }, region: 'regio-zwolle', ticketPrefix: options.prefix ?? 'B', hub: { url: `https://127.0.0.1:${port}`, locationKey } }),
    appVersion: '1.4.0',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    syncTuning: { ...fastSync, requestTimeoutMs: 2000 },
    hubHeartbeat: { firstAfterMs: 20, everyMs: 200 },
  });
  cores.push(core);
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as T;
  };
  // IT's diagnostics are a counter screen; on a kiosk the same facts are its health, read here through the handler.
  const diagnostics = async () => (await (core.handlers['device.diagnostics'] as (input: object) => Promise<DeviceDiagnostics>)({})).health;
  const link = async () => (await call<SyncStatus>('sync.status')).hubLink;
  return { core, dataDir, call, link, diagnostics };
}

const pendingAtKiosk = async (kiosk: ReturnType<typeof startKiosk>) => {
  const status = await kiosk.call<SyncStatus>('sync.status');
  return { pending: status.queued + status.inFlight, needsAttention: status.needsAttention.length };
};
const kiosksAt = async (hub: CounterCore): Promise<HubKiosk[]> => ((await hub.call('hub.status', {})) as unknown as HubStatus).kiosks;
const queueAt = async (hub: CounterCore): Promise<string[]> => ((await hub.call('queue.list', {})) as unknown as Array<{ number: string }>).map((t) => t.number);

/** The location manager approves the installation waiting for `identity` at the desk. */
async function approve(hub: CounterCore, identity: string): Promise<void> {
  let waiting: HubKiosk | undefined;
  await until(async () => (waiting = (await kiosksAt(hub)).find((k) => k.identity === identity && k.candidate !== null)) !== undefined, 5000, `${identity} waiting for approval`);
  await hub.call('hub.approve', { identity, install: waiting?.candidate?.install });
}

function hubRows(hub: CounterCore) {
  const db = new Database(join(hub.dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return {
      tickets: db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number },
      outbox: db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number },
    };
  } finally {
    db.close();
  }
}

/** An enrolled kiosk B gives `tickets` tickets, they reach the hub, and then the kiosk is gone (broken, to be replaced). */
async function kioskThatBroke(tickets: number) {
  const port = await freePort();
  const locationKey = randomBytes(32).toString('base64url');
  const hub = await startHub(port, locationKey);
  const first = startKiosk(port, locationKey);
  await approve(hub, 'zwolle-centrum/B');
  const before: string[] = [];
  for (let i = 0; i < tickets; i++) before.push(String((await first.call('ticket.take', { topic: 'voucher' })).number));
  expect(before).toEqual(Array.from({ length: tickets }, (_, i) => `B00${i + 1}`));
  await until(async () => (await queueAt(hub)).length === tickets, 10_000, 'the first kiosk\'s tickets at the hub');
  await first.core.close();
  cores.splice(cores.indexOf(first.core), 1);
  return { port, locationKey, hub, first, before };
}

describe('a kiosk that cannot deliver to its hub says why', () => {
  it('a wrong location key: the kiosk\'s status, health and diagnostics name it, its ticket waits, and the hub lists nobody', async () => {
    const port = await freePort();
    const hub = await startHub(port, randomBytes(32).toString('base64url'));
    const kiosk = startKiosk(port, randomBytes(32).toString('base64url'));
    const ticket = await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(async () => (await kiosk.link())?.state === 'wrong-key', 5000, 'wrong-key at the kiosk');
    expect((await kiosk.link())?.reason).toMatch(/location key/);
    const health = await kiosk.diagnostics();
    expect(health).toMatchObject({ health: 'degraded', hubLink: { state: 'wrong-key' } });
    expect(await pendingAtKiosk(kiosk)).toEqual({ pending: 1, needsAttention: 0 });
    expect(await kiosksAt(hub)).toEqual([]);
    expect(await queueAt(hub)).not.toContain(ticket.number);
  });

  it('a wrong location id: the hub refuses the identity in the handshake and the kiosk says so', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hub = await startHub(port, locationKey);
    const kiosk = startKiosk(port, locationKey, { locationId: 'zwolle-zuid' });
    await until(async () => (await kiosk.link())?.state === 'wrong-location', 5000, 'wrong-location at the kiosk');
    expect((await kiosk.link())?.reason).toMatch(/location id/);
    expect(await kiosk.diagnostics()).toMatchObject({ hubLink: { state: 'wrong-location' } });
    expect(await kiosksAt(hub)).toEqual([]);
  });

  it('an installation the hub has not enrolled is held: nothing of it is stored until a location manager approves it, then its visitors arrive', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hub = await startHub(port, locationKey);
    const kiosk = startKiosk(port, locationKey);
    const ticket = await kiosk.call('ticket.take', { topic: 'voucher' });
    // The hub tells a waiting kiosk its numbering too: a new letter starts at 1.
    expect(ticket.number).toBe('B001');
    await until(async () => (await kiosk.link())?.state === 'not-enrolled', 5000, 'not-enrolled at the kiosk');
    // The hub wrote the kiosk down as waiting, and stored none of what it sent.
    expect(await kiosksAt(hub)).toMatchObject([{ identity: 'zwolle-centrum/B', enrolled: false, messages: 0, printer: null, candidate: { takeover: false } }]);
    expect(hubRows(hub)).toEqual({ tickets: { n: 0 }, outbox: { n: 0 } });
    expect(await pendingAtKiosk(kiosk)).toEqual({ pending: 1, needsAttention: 0 });
    // Staff may not enroll a kiosk; a location manager may.
    await hub.call('staff.add', { username: 'bert', displayName: 'Bert', pin: '730519', role: 'staff' });
    await hub.call('staff.signOut', {});
    await hub.call('staff.signIn', { username: 'bert', pin: '730519' });
    const candidate = (await kiosksAt(hub))[0]?.candidate;
    const refused = await hub.dispatch('hub.approve', { identity: 'zwolle-centrum/B', install: candidate?.install }, { transport: 'test', client: 'test' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await hub.call('staff.signIn', { username: 'anna', pin: '482915' });
    await approve(hub, 'zwolle-centrum/B');
    await until(async () => (await queueAt(hub)).includes(String(ticket.number)), 10_000, 'the held ticket at the hub');
    await until(async () => (await kiosk.link())?.state === 'ok', 5000, 'ok at the kiosk');
  });

  it('a replaced kiosk (fresh data dir) is approved as the replacement, numbers after today\'s last, and every visitor of both is in the hub\'s queue', async () => {
    const { port, locationKey, hub, first, before } = await kioskThatBroke(3);

    // The replacement: same config, new data dir. The hub holds it until the manager approves the takeover.
    const second = startKiosk(port, locationKey);
    // A visitor at the replacement before anyone approved it: the number follows today's last, and waits on the kiosk.
    const after = [String((await second.call('ticket.take', { topic: 'voucher' })).number)];
    await until(async () => (await second.link())?.state === 'not-enrolled', 5000, 'the replacement held');
    expect((await second.link())?.reason).toMatch(/another kiosk is enrolled for ticket letter B/);
    expect((await kiosksAt(hub))[0]?.candidate).toMatchObject({ takeover: true });
    expect(await queueAt(hub)).toEqual(before);
    await approve(hub, 'zwolle-centrum/B');
    for (let i = 0; i < 2; i++) after.push(String((await second.call('ticket.take', { topic: 'voucher' })).number));
    expect(after).toEqual(['B004', 'B005', 'B006']);
    await until(async () => (await queueAt(hub)).filter((n) => n.startsWith('B')).length === 6, 10_000, 'all six visitors at the hub');
    expect((await queueAt(hub)).sort()).toEqual([...before, ...after]);

    // The old installation, back by mistake, is refused from now on (and stores nothing).
    const old = startKiosk(port, locationKey, { dataDir: first.dataDir });
    await until(async () => (await old.link())?.state === 'not-enrolled', 5000, 'the old installation refused');
  });

  it('a replaced kiosk that cannot reach its hub still gives tickets, in a series the hub has not seen, and they all arrive', async () => {
    const { port, locationKey, hub } = await kioskThatBroke(1);
    await hub.core.close();
    cores.splice(cores.indexOf(hub.core), 1);

    const second = startKiosk(port, locationKey);
    const offline = String((await second.call('ticket.take', { topic: 'voucher' })).number);
    expect(offline).toBe('B5001');
    expect((await second.link())?.state).toBe('unreachable');

    const back = await startHub(port, locationKey, hub.dataDir);
    await approve(back, 'zwolle-centrum/B');
    await until(async () => (await queueAt(back)).includes('B5001'), 10_000, 'the offline ticket at the hub');
    expect((await queueAt(back)).sort()).toEqual(['B001', 'B5001']);
  });

  it('two fresh kiosks of one letter, both without their hub, give the same number: the hub takes the second under the next free one and the kiosk numbers after it', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const first = startKiosk(port, locationKey);
    const second = startKiosk(port, locationKey);
    expect((await first.call('ticket.take', { topic: 'voucher' })).number).toBe('B5001');
    expect((await second.call('ticket.take', { topic: 'voucher' })).number).toBe('B5001');

    const hub = await startHub(port, locationKey);
    await approve(hub, 'zwolle-centrum/B');
    await until(async () => (await queueAt(hub)).length === 1, 10_000, 'one kiosk\'s ticket at the hub');
    // Whichever came first is enrolled; the other one replaces it, and its visitor must not be lost.
    await approve(hub, 'zwolle-centrum/B');
    await until(async () => (await queueAt(hub)).length === 2, 10_000, 'both visitors at the hub');
    expect((await queueAt(hub)).sort()).toEqual(['B5001', 'B5002']);
    const told = () => [first, second].find((k) => auditOf(k.dataDir, 'ticket.renumbered-by-hub').length > 0);
    await until(() => told() !== undefined, 5000, 'the kiosk told of its new number');
    const late = told() as ReturnType<typeof startKiosk>;
    expect(auditOf(late.dataDir, 'ticket.renumbered-by-hub')).toEqual([{ printed: 'B5001', number: 'B5002' }]);
    expect((await late.call('ticket.take', { topic: 'voucher' })).number).toBe('B5003');
  });
});

function auditOf(dataDir: string, action: string): unknown[] {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[string], { detail: string }>('SELECT detail FROM audit WHERE action = ?').all(action).map((r) => JSON.parse(r.detail) as unknown);
  } finally {
    db.close();
  }
}

describe('the hub decides who a kiosk is from its own list', () => {
  it('refuses an enrolled key holder\'s ticket under another letter or for another location, and stores nothing', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hub = await startHub(port, locationKey);
    const client = createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(locationKey, location.id), identity: hubIdentity(location.id, 'C', 'cccccccccccccccc'), appVersion: '1.4.0', requestTimeoutMs: 2000, now: () => at });
    const ticket = (number: string, locationId = location.id): PendingMessage => ({
      id: 1,
      idempotencyKey: uuidv7(),
      aggregateType: 'ticket',
      aggregateId: uuidv7(),
      kind: 'ticket.record',
      reference: number,
      body: { number, topic: 'voucher', locationId, serviceDay: '2026-11-24', takenAt: '2026-11-24T09:00:00.000Z' },
      attempts: 0,
    } as unknown as PendingMessage);
    expect(await client.send(ticket('C001'), null)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/not enrolled/) as unknown as string });
    expect(client.link().state).toBe('not-enrolled');
    await approve(hub, 'zwolle-centrum/C');
    expect(await client.send(ticket('B001'), null)).toEqual({ kind: 'rejected', reason: expect.stringMatching(/^hub 422: ticket B001 is not of this kiosk's enrolled ticket letter C/) as unknown as string });
    expect(await client.send(ticket('C001', 'utrecht-centrum'), null)).toEqual({ kind: 'rejected', reason: expect.stringMatching(/claims location utrecht-centrum/) as unknown as string });
    expect(client.link().state).toBe('refused');
    expect(hubRows(hub)).toEqual({ tickets: { n: 0 }, outbox: { n: 0 } });

    // The counter's own letter is never a kiosk's.
    const own = createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(locationKey, location.id), identity: hubIdentity(location.id, 'A', 'aaaaaaaaaaaaaaaa'), appVersion: '1.4.0', requestTimeoutMs: 2000, now: () => at });
    expect(await own.send(ticket('A001'), null)).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/counter's own/) as unknown as string });
    expect(own.link().state).toBe('refused');

    // Another location's identity with this location's key does not get past the handshake.
    const elsewhere = createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(locationKey, location.id), identity: hubIdentity('utrecht-centrum', 'C', 'cccccccccccccccc'), appVersion: '1.4.0', requestTimeoutMs: 2000, now: () => at });
    expect(await elsewhere.send(ticket('C001', 'utrecht-centrum'), null)).toMatchObject({ kind: 'retry', outage: true });
    expect(elsewhere.link().state).toBe('wrong-location');
    expect(hubRows(hub)).toEqual({ tickets: { n: 0 }, outbox: { n: 0 } });
  });
});
