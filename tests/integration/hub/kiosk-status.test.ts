import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import { buildHeartbeat } from '../../../electron/core/enrollment/heartbeat';
import { createHubClient } from '../../../electron/core/hub/hub-client';
import { hubIdentity, hubPsk } from '../../../electron/core/hub/hub-psk';
import { Heartbeat } from '../../../shared/central-api/devices';
import type { DeviceConfigInput } from '../../../shared/config/device-config';
import type { HubKiosk } from '../../../shared/contract/desk-channels';
import type { KioskStatusReport } from '../../../shared/hub/kiosk-status';
import { enroll, kiosksAt, startHub as startHubInto, startHubKiosk, zwolle } from '../../support/hub-rig';
import { startCounterCore } from '../../support/counter-core';
import { freePort } from '../../support/free-port';
import { tempDir } from '../../support/paths';
import { startPrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { startSim } from '../../support/sync-rig';
import { emulatorPrinter } from '../../support/printing-fixtures';
import { until } from '../../support/until';

const location = zwolle;
const cores: Core[] = [];
const sims: RunningSim[] = [];
const at = new Date('2026-11-24T09:00:00.000Z');
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

const startHub = (options: Parameters<typeof startHubInto>[1]) => startHubInto(cores, options);

/** A kiosk whose printer is a port nobody listens on (a printer that is off), with a look at its outbox rows. */
async function startKiosk(port: number, locationKey: string, printer?: DeviceConfigInput['printer'], now?: () => Date) {
  const kiosk = startHubKiosk(cores, { port, locationKey, printer: printer ?? { type: 'tcp', host: '127.0.0.1', port: await freePort(), connectTimeoutMs: 300 }, now });
  const outboxRows = () => {
    const db = new Database(join(kiosk.dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT id, status, attempts, next_attempt_at, last_error, payload IS NOT NULL AS hasPayload FROM outbox ORDER BY id').all();
    } finally {
      db.close();
    }
  };
  return { core: kiosk.core, call: kiosk.call, outboxRows, heartbeat: () => kiosk.core.hubHeartbeat?.sendNow() };
}

describe('kiosk heartbeats to the location hub', () => {
  it('stores the kiosk\'s printer state and queue, and still knows them after the hub restarts', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const kiosk = await startKiosk(port, locationKey, undefined, () => at);

    // The hub is not there yet: a ticket waits in the kiosk's outbox.
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(() => kiosk.outboxRows().some((r) => (r as { attempts: number }).attempts > 0), 5000, 'first delivery attempt');

    const hubDir = tempDir('hub');
    // A still hub clock: the queue's age it shows does not tick on between the two looks.
    const hubNow = new Date('2026-11-24T09:00:00.000Z');
    let hub = await startHub({ port, locationKey, dataDir: hubDir, now: () => hubNow });
    expect(await kiosksAt(hub)).toEqual([]);
    await enroll(hub, kiosk.heartbeat);
    expect(await kiosk.heartbeat()).toBe(true);
    const [reported] = await kiosksAt(hub);
    expect(reported).toMatchObject({
      identity: 'zwolle-centrum/B',
      appVersion: '1.4.0',
      messages: 0,
      silent: false,
      printer: { kind: 'tcp', state: 'offline' },
      queue: { pending: 1, needsAttention: 0 },
    });
    expect(reported?.queue?.oldestPendingAt).toBe(at.toISOString());
    expect(reported?.statusAt).toBe(reported?.lastSeenAt);

    // Restarted on the same data dir, the hub shows what the kiosk last said before it says anything new.
    await hub.core.close();
    cores.splice(cores.indexOf(hub.core), 1);
    hub = await startHub({ port, locationKey, dataDir: hubDir, now: () => hubNow, firstRun: false });
    expect(await kiosksAt(hub)).toEqual([reported]);

  });

  it('reports at once when the kiosk\'s printer runs out of paper, without waiting for the next heartbeat', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const emulator = await startPrinterEmulator();
    try {
      const hub = await startHub({ port, locationKey });
      const kiosk = await startKiosk(port, locationKey, emulatorPrinter(emulator));
      await enroll(hub, kiosk.heartbeat);
      expect(await kiosk.heartbeat()).toBe(true);
      expect(await kiosksAt(hub)).toMatchObject([{ printer: { state: 'ready' } }]);
      emulator.setPaper('out');
      // The ticket's print job finds the roll empty; that check alone sends the new state.
      await kiosk.call('ticket.take', { topic: 'voucher' });
      await until(async () => (await kiosksAt(hub))[0]?.printer?.state === 'paper-out', 5000, 'paper-out at the hub');
      expect(await kiosksAt(hub)).toMatchObject([{ printer: { state: 'paper-out' }, messages: 1 }]);
    } finally {
      await emulator.close();
    }
  });

  it('refuses a report that does not match the contract with 422 and the reason, and stores nothing', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const hub = await startHub({ port, locationKey });
    const client = createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(locationKey, location.id), identity: hubIdentity(location.id, 'C', 'cccccccccccccccc'), appVersion: '1.4.0', requestTimeoutMs: 2000, now: () => at });
    const good: KioskStatusReport = {
      appVersion: '1.4.0',
      printer: { kind: 'tcp', state: 'paper-out', paperLow: false, reportsPaper: true, checkedAt: at.toISOString(), pendingJobs: 2, failedJobs: 0 },
      queue: { pending: 0, needsAttention: 0, oldestPendingAt: null, oldestPendingAgeSeconds: null },
    };
    const bad = { ...good, printer: { ...good.printer, state: 'on-fire' } } as unknown as KioskStatusReport;

    await enroll(hub, () => client.reportStatus(good));
    expect(await client.reportStatus(bad)).toEqual({ sent: false, reason: expect.stringMatching(/^hub 422: .*printer\.state/) as unknown as string });
    expect(await kiosksAt(hub)).toMatchObject([{ identity: 'zwolle-centrum/C', printer: null, enrolled: true }]);

    expect(await client.reportStatus(good)).toEqual({ sent: true, pace: { waiting: 0, minutesPerTicket: null } });
    const before = await kiosksAt(hub);
    expect(before).toMatchObject([{ identity: 'zwolle-centrum/C', printer: { state: 'paper-out', pendingJobs: 2 } }]);
    const negative = { ...good, queue: { ...good.queue, pending: -1 } };
    expect(await client.reportStatus(negative)).toEqual({ sent: false, reason: expect.stringMatching(/^hub 422: .*queue\.pending/) as unknown as string });
    expect(await client.reportStatus({ ...good, extra: 'x' } as KioskStatusReport)).toMatchObject({ sent: false, reason: expect.stringMatching(/^hub 422:/) as unknown as string });
    expect(await kiosksAt(hub)).toEqual(before);
  });

  it('calls a kiosk silent after three heartbeat intervals without contact, by the hub\'s clock', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    let clock = Date.parse('2026-11-24T09:00:00.000Z');
    const hub = await startHub({ port, locationKey, now: () => new Date(clock) });
    const kiosk = await startKiosk(port, locationKey);
    await enroll(hub, kiosk.heartbeat);
    expect(await kiosk.heartbeat()).toBe(true);
    expect(await kiosksAt(hub)).toMatchObject([{ lastSeenAt: '2026-11-24T09:00:00.000Z', silent: false }]);
    clock += 90_000;
    expect(await kiosksAt(hub)).toMatchObject([{ silent: false }]);
    clock += 1;
    expect(await kiosksAt(hub)).toMatchObject([{ silent: true }]);
    // The next heartbeat brings it back.
    expect(await kiosk.heartbeat()).toBe(true);
    expect(await kiosksAt(hub)).toMatchObject([{ lastSeenAt: '2026-11-24T09:01:30.001Z', silent: false }]);
  });

  it('a heartbeat that cannot reach the hub leaves the kiosk\'s outbox as it was', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const kiosk = await startKiosk(await freePort(), locationKey);
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(() => kiosk.outboxRows().some((r) => (r as { attempts: number }).attempts > 0), 5000, 'first delivery attempt');
    const before = kiosk.outboxRows();
    expect(before).toMatchObject([{ status: 'pending', attempts: 1, hasPayload: 1 }]);
    expect(await kiosk.heartbeat()).toBe(false);
    expect(await kiosk.heartbeat()).toBe(false);
    expect(kiosk.outboxRows()).toEqual(before);
    expect(await kiosk.call('sync.status')).toMatchObject({ queued: 1, needsAttention: [] });
  });
});

describe('waiting times from the desk\'s pace', () => {
  it('a kiosk tells a visitor how long they will wait, from the pace its hub reported and the tickets it gave out since', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    let clock = new Date('2026-11-24T09:00:00.000Z');
    const hub = await startHub({ port, locationKey, now: () => clock });
    for (let i = 0; i < 6; i++) await hub.call('ticket.take', { topic: 'voucher' });
    // The desk calls someone every ten minutes.
    for (let i = 0; i < 4; i++) {
      clock = new Date(clock.getTime() + (i === 0 ? 0 : 10 * 60_000));
      // Ten minutes is longer than the desk's auto-lock: Anna opens it again each time.
      await hub.call('staff.signIn', { username: 'anna', pin: '482915' });
      const called = await hub.call('queue.callNext', {});
      await hub.call('queue.close', { id: called.id, outcome: 'served' });
    }
    clock = new Date(clock.getTime() + 2 * 60_000);

    // The kiosk shares the hub's clock: its ticket belongs to the hub's service day, whatever the hour the suite runs.
    const kiosk = await startKiosk(port, locationKey, undefined, () => clock);
    await enroll(hub, kiosk.heartbeat);
    // Before the hub has answered a heartbeat the kiosk has no basis and says nothing.
    expect((await kiosk.call('ticket.take', { topic: 'voucher' })).expectedWaitMinutes).toBeNull();
    await until(async () => ((await hub.call('queue.list', {})) as unknown as unknown[]).length === 3, 5000, 'the kiosk ticket at the hub');
    clock = new Date(clock.getTime() + 60_000);
    expect(await kiosk.heartbeat()).toBe(true);
    // Three wait at the hub (two of its own, one from this kiosk): (3 + 0.5) x 10 minutes, in steps of five.
    expect((await kiosk.call('ticket.take', { topic: 'voucher' })).expectedWaitMinutes).toBe(35);
    // The next one also waits behind the ticket this kiosk just gave out, which the hub has not reported yet.
    expect((await kiosk.call('ticket.take', { topic: 'voucher' })).expectedWaitMinutes).toBe(45);
  });
});

/** The counter's heartbeats as the simulator stored them, after its schema check. */
const heartbeatsAt = (sim: RunningSim): Heartbeat[] =>
  (sim.store.db.prepare('SELECT body FROM heartbeats ORDER BY rowid').all() as { body: string }[]).map((row) => Heartbeat.parse(JSON.parse(row.body)));

async function simulator(): Promise<RunningSim> {
  const sim = await startSim();
  sims.push(sim);
  return sim;
}

describe('the fleet sees the kiosks behind a counter', () => {
  it('shows the age of a kiosk\'s oldest undelivered ticket at the desk and in the counter\'s heartbeat, on the hub\'s clock', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const start = Date.parse('2026-11-24T09:00:00.000Z');
    let hubClock = start;
    let kioskClock = start;
    const kiosk = await startKiosk(port, locationKey, undefined, () => new Date(kioskClock));
    // The hub is not there yet: the ticket waits in the kiosk's outbox, its next try a minute away.
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(() => kiosk.outboxRows().some((r) => (r as { attempts: number }).attempts > 0), 5000, 'first delivery attempt');

    const sim = await simulator();
    const hub = await startHub({ port, locationKey, sim, now: () => new Date(hubClock) });
    await enroll(hub, kiosk.heartbeat);

    // 50 s later by the kiosk's clock, which now runs 50 s ahead of the hub's.
    kioskClock += 50_000;
    expect(await kiosk.heartbeat()).toBe(true);
    expect(await kiosksAt(hub)).toMatchObject([{ identity: 'zwolle-centrum/B', queue: { pending: 1, needsAttention: 0, oldestPendingAt: '2026-11-24T08:59:10.000Z', oldestPendingAgeSeconds: 50 } }]);
    hubClock += 30_000;
    expect(await kiosksAt(hub)).toMatchObject([{ queue: { pending: 1, oldestPendingAgeSeconds: 80 } }]);

    expect(await hub.core.heartbeat?.sendNow()).toBe('sent');
    expect(heartbeatsAt(sim).at(-1)).toMatchObject({
      kiosks: [
        {
          identity: 'zwolle-centrum/B',
          lastSeenAt: '2026-11-24T09:00:00.000Z',
          silent: false,
          enrolled: true,
          waitingForApproval: false,
          printer: { state: 'offline', paperLow: false },
          queue: { pending: 1, needsAttention: 0, oldestPendingAgeSeconds: 80 },
        },
      ],
      hubRefusedConnections: 0,
    });
  });

  it('counts the handshakes the hub refused (wrong key, other location) in the next heartbeat only', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const sim = await simulator();
    const hub = await startHub({ port, locationKey, sim, now: () => new Date('2026-11-24T09:00:00.000Z') });
    const report: KioskStatusReport = {
      appVersion: '1.4.0',
      printer: { kind: 'none', state: 'none', paperLow: false, reportsPaper: false, checkedAt: '2026-11-24T09:00:00.000Z', pendingJobs: 0, failedJobs: 0 },
      queue: { pending: 0, needsAttention: 0, oldestPendingAt: null, oldestPendingAgeSeconds: null },
    };
    const client = (key: string, locationId: string) =>
      createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(key, locationId), identity: hubIdentity(locationId, 'C', 'cccccccccccccccc'), appVersion: '1.4.0', requestTimeoutMs: 2000, now: () => new Date('2026-11-24T09:00:00.000Z') });
    expect(await client(randomBytes(32).toString('base64url'), location.id).reportStatus(report)).toMatchObject({ sent: false });
    expect(await client(locationKey, 'deventer-centrum').reportStatus(report)).toMatchObject({ sent: false });

    // The hub notes a refusal when its side of the handshake ends, which may come after the kiosk gave up.
    const refusedSoFar = () => heartbeatsAt(sim).reduce((sum, beat) => sum + (beat.hubRefusedConnections ?? 0), 0);
    await until(async () => (await hub.core.heartbeat?.sendNow()) === 'sent' && refusedSoFar() === 2, 5000, 'two refusals reported');
    expect(await hub.core.heartbeat?.sendNow()).toBe('sent');
    expect(heartbeatsAt(sim).at(-1)).toMatchObject({ hubRefusedConnections: 0, kiosks: [] });
    expect(refusedSoFar()).toBe(2);
  });

  it('a counter without hub mode sends an empty kiosk list and no refusal count', async () => {
    const sim = await simulator();
    const counter = startCounterCore({ sim });
    cores.push(counter.core);
    expect(await counter.core.heartbeat?.sendNow()).toBe('sent');
    const [beat] = heartbeatsAt(sim);
    expect(beat?.kiosks).toEqual([]);
    expect(beat).not.toHaveProperty('hubRefusedConnections');
  });

  it('bounds the kiosk list of a heartbeat and keeps a heartbeat without it valid', () => {
    const at = '2026-11-24T09:00:00.000Z';
    const kiosk = (n: number): HubKiosk => ({
      identity: `zwolle-centrum/K${n}`,
      appVersion: '1.4.0',
      lastSeenAt: at,
      messages: 0,
      silent: false,
      printer: null,
      queue: null,
      statusAt: null,
      enrolled: false,
      candidate: { install: 'cccccccccccccccc', since: at, takeover: false },
    });
    const beat = buildHeartbeat({
      appVersion: '9.9.9',
      contentVersion: null,
      queue: { queued: 0, needsAttention: 0, oldestPendingAgeSeconds: null },
      update: { currentVersion: '9.9.9', channel: 'stable', rolloutPosition: 12, lastCheckedAt: null, state: { phase: 'idle' } },
      printer: { kind: 'none', state: 'none', paperLow: false, reportsPaper: false, checkedAt: at, pendingJobs: 0, failedJobs: 0 },
      diskFreeBytes: null,
      kiosks: Array.from({ length: 25 }, (_, i) => kiosk(i)),
      at: new Date(at),
    });
    expect(beat.kiosks).toHaveLength(20);
    expect(Heartbeat.safeParse(beat).success).toBe(true);
    expect(beat.kiosks?.[0]).toEqual({ identity: 'zwolle-centrum/K0', lastSeenAt: at, silent: false, enrolled: false, waitingForApproval: true, printer: null, queue: null });
    const { kiosks: _kiosks, ...older } = beat;
    expect(Heartbeat.safeParse(older).success).toBe(true);
  });
});
