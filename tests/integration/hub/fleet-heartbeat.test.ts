import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { buildHeartbeat } from '../../../electron/core/enrollment/heartbeat';
import { createHubClient } from '../../../electron/core/hub/hub-client';
import { hubIdentity, hubPsk } from '../../../electron/core/hub/hub-psk';
import { silentLogger } from '../../../electron/core/log/logger';
import { Heartbeat } from '../../../shared/central-api/devices';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import type { HubKiosk, HubStatus } from '../../../shared/contract/desk-channels';
import type { KioskStatusReport } from '../../../shared/hub/kiosk-status';
import { startCounterCore, type CounterCore } from '../../support/counter-core';
import { freePort } from '../../support/free-port';
import { resourcesDir, tempDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const location = { id: 'zwolle-centrum', name: 'Zwolle' };
const cores: Core[] = [];
const sims: RunningSim[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

/** The counter as its location's hub on a real TLS-PSK port, enrolled at the simulator; Anna signed in for the desk. */
async function startHub(port: number, locationKey: string, now: () => Date) {
  const sim = await startSim();
  sims.push(sim);
  const hub = startCounterCore({ sim, now, config: { hub: { listenHost: '127.0.0.1', port, locationKey } } });
  cores.push(hub.core);
  await hub.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await until(async () => (await hub.call('hub.status', {})).listening === true, 5000, 'the hub listening');
  const heartbeats = () => (sim.store.db.prepare('SELECT body FROM heartbeats ORDER BY rowid').all() as { body: string }[]).map((row) => Heartbeat.parse(JSON.parse(row.body)));
  return { hub, sim, heartbeats };
}

/** A kiosk that sends to the hub, whose heartbeat the test sends itself, and whose outbox waits an hour after a failed delivery. */
function startKiosk(port: number, locationKey: string, now: () => Date) {
  const dataDir = tempDir('kiosk');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role: 'kiosk', location, region: 'regio-zwolle', ticketPrefix: 'B', printer: { type: 'none' }, hub: { url: `https://127.0.0.1:${port}`, locationKey } }),
    appVersion: '1.4.0',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    syncTuning: { baseDelayMs: 3_600_000, capDelayMs: 3_600_000, random: () => 1, idlePollMs: 50, requestTimeoutMs: 2000 },
    hubHeartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 },
    now,
  });
  cores.push(core);
  const call = async (channel: string, input: unknown = {}) => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  return { core, dataDir, call, heartbeat: () => core.hubHeartbeat?.sendNow() };
}

function outboxAttempts(dataDir: string): number {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT coalesce(max(attempts), 0) AS n FROM outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const kiosksAt = async (hub: CounterCore): Promise<HubKiosk[]> => ((await hub.call('hub.status', {})) as unknown as HubStatus).kiosks;

describe('the fleet sees the kiosks behind a counter', () => {
  it('shows the age of a kiosk\'s oldest undelivered ticket at the desk and in the counter\'s heartbeat, on the hub\'s clock', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const start = Date.parse('2026-11-24T09:00:00.000Z');
    let hubClock = start;
    let kioskClock = start;
    const kiosk = startKiosk(port, locationKey, () => new Date(kioskClock));
    // The hub is not there yet: the ticket waits in the kiosk's outbox.
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(() => outboxAttempts(kiosk.dataDir) > 0, 5000, 'the first delivery attempt');

    const { hub, heartbeats } = await startHub(port, locationKey, () => new Date(hubClock));
    await kiosk.heartbeat();
    const [waiting] = (await kiosksAt(hub)).filter((k) => k.candidate !== null);
    await hub.call('hub.approve', { identity: waiting?.identity, install: waiting?.candidate?.install });

    // Ten minutes later by the kiosk's clock, which runs ten minutes ahead of the hub's.
    kioskClock += 10 * 60_000;
    expect(await kiosk.heartbeat()).toBe(true);
    expect(await kiosksAt(hub)).toMatchObject([{ identity: 'zwolle-centrum/B', queue: { pending: 1, needsAttention: 0, oldestPendingAt: '2026-11-24T08:50:00.000Z', oldestPendingAgeSeconds: 600 } }]);
    hubClock += 60_000;
    expect(await kiosksAt(hub)).toMatchObject([{ queue: { pending: 1, oldestPendingAgeSeconds: 660 } }]);

    expect(await hub.core.heartbeat?.sendNow()).toBe('sent');
    expect(heartbeats().at(-1)).toMatchObject({
      kiosks: [
        {
          identity: 'zwolle-centrum/B',
          lastSeenAt: '2026-11-24T09:00:00.000Z',
          silent: false,
          enrolled: true,
          waitingForApproval: false,
          printer: { state: 'none', paperLow: false },
          queue: { pending: 1, needsAttention: 0, oldestPendingAgeSeconds: 660 },
        },
      ],
      hubRefusedConnections: 0,
    });
  });

  it('counts the handshakes the hub refused (wrong key, other location) in the next heartbeat only', async () => {
    const locationKey = randomBytes(32).toString('base64url');
    const port = await freePort();
    const { hub, heartbeats } = await startHub(port, locationKey, () => new Date('2026-11-24T09:00:00.000Z'));
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
    const refusedSoFar = () => heartbeats().reduce((sum, beat) => sum + (beat.hubRefusedConnections ?? 0), 0);
    await until(async () => (await hub.core.heartbeat?.sendNow()) === 'sent' && refusedSoFar() === 2, 5000, 'two refusals reported');
    expect(await hub.core.heartbeat?.sendNow()).toBe('sent');
    expect(heartbeats().at(-1)).toMatchObject({ hubRefusedConnections: 0, kiosks: [] });
    expect(refusedSoFar()).toBe(2);
  });

  it('a counter without hub mode sends an empty kiosk list and no refusal count', async () => {
    const sim = await startSim();
    sims.push(sim);
    const counter = startCounterCore({ sim });
    cores.push(counter.core);
    expect(await counter.core.heartbeat?.sendNow()).toBe('sent');
    const [beat] = (sim.store.db.prepare('SELECT body FROM heartbeats').all() as { body: string }[]).map((row) => JSON.parse(row.body) as Record<string, unknown>);
    expect(beat?.kiosks).toEqual([]);
    expect(beat).not.toHaveProperty('hubRefusedConnections');
  });

  it('bounds the kiosk list of a heartbeat and keeps a heartbeat without it valid', () => {
    const kiosk = (n: number): HubKiosk => ({
      identity: `zwolle-centrum/K${n}`,
      appVersion: '1.4.0',
      lastSeenAt: '2026-11-24T09:00:00.000Z',
      messages: 0,
      silent: false,
      printer: null,
      queue: null,
      statusAt: null,
      enrolled: false,
      candidate: { install: 'cccccccccccccccc', since: '2026-11-24T09:00:00.000Z', takeover: false },
    });
    const beat = buildHeartbeat({
      appVersion: '9.9.9',
      contentVersion: null,
      queue: { queued: 0, needsAttention: 0, oldestPendingAgeSeconds: null },
      update: { currentVersion: '9.9.9', channel: 'stable', rolloutPosition: 12, lastCheckedAt: null, state: { phase: 'idle' } },
      printer: { kind: 'none', state: 'none', paperLow: false, reportsPaper: false, checkedAt: '2026-11-24T09:00:00.000Z', pendingJobs: 0, failedJobs: 0 },
      diskFreeBytes: null,
      kiosks: Array.from({ length: 25 }, (_, i) => kiosk(i)),
      at: new Date('2026-11-24T09:00:00.000Z'),
    });
    expect(beat.kiosks).toHaveLength(20);
    expect(Heartbeat.safeParse(beat).success).toBe(true);
    expect(beat.kiosks?.[0]).toEqual({ identity: 'zwolle-centrum/K0', lastSeenAt: '2026-11-24T09:00:00.000Z', silent: false, enrolled: false, waitingForApproval: true, printer: null, queue: null });
    const { kiosks: _kiosks, ...older } = beat;
    expect(Heartbeat.safeParse(older).success).toBe(true);
  });
});
