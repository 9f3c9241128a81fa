import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../../shared/config/device-config';
import type { HubStatus } from '../../../shared/contract/desk-channels';
import type { SyncStatus } from '../../../shared/contract/sync-channels';
import { startCounterCore } from '../../support/counter-core';
import { freePort } from '../../support/free-port';
import { resourcesDir, tempDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const location = { id: 'zwolle-centrum', name: 'Zwolle' };
const cores: Core[] = [];
let sim: RunningSim | undefined;
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await sim?.close();
  sim = undefined;
});

/**
 * A core with the sync worker's REAL default backoff (no syncTuning): base 1 s, cap 5 minutes,
 * circuit after 5 outage failures, probes from 2 s doubling to the cap. Only the heartbeat timing,
 * a documented option, is set.
 */
function startDevice(config: DeviceConfigInput, timing: Pick<Parameters<typeof createCore>[0], 'heartbeat' | 'hubHeartbeat'>, enrollmentCode?: () => Promise<string | null>) {
  const core = createCore({ config: DeviceConfigSchema.parse(config), appVersion: '1.4.0', resourcesDir, dataDir: tempDir('recovery'), shell: 'browser', logger: silentLogger, enrollmentCode, ...timing });
  cores.push(core);
  const call = async (channel: string, input: unknown = {}) => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  const status = async () => (await call('sync.status')) as unknown as SyncStatus;
  return { core, call, status };
}

/** Takes `n` tickets and waits until the worker's next attempt is over 30 s after the last: the backoff an outage builds up. */
async function ticketsDuringOutage(device: ReturnType<typeof startDevice>, n: number): Promise<void> {
  let last = '';
  for (let i = 0; i < n; i++) last = (await device.call('ticket.take', { topic: 'voucher' })).createdAt as string;
  await until(async () => {
    const next = (await device.status()).nextAttemptAt;
    return next !== null && Date.parse(next) - Date.parse(last) > 30_000;
  }, 120_000, 'the sync backing off for more than 30 s');
}

describe('prompt recovery with the real backoff settings', () => {
  it('50 tickets taken while the hub is down reach it within seconds of its return, over the real TLS-PSK link', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hubDir = tempDir('recovery-hub');
    const startHub = () => {
      const hub = startCounterCore({ dataDir: hubDir, config: { hub: { listenHost: '127.0.0.1', port, locationKey } } });
      cores.push(hub.core);
      return hub;
    };
    let hub = startHub();
    await hub.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    // Every timing of the kiosk is its default: the 30 s heartbeat and the real backoff.
    const kiosk = startDevice({ role: 'kiosk', location, region: 'regio-zwolle', ticketPrefix: 'B', hub: { url: `https://127.0.0.1:${port}`, locationKey } }, {});
    // A kiosk the hub has not seen before waits for a location manager's approval.
    let waiting: HubStatus['kiosks'][number] | undefined;
    await until(async () => {
      waiting = ((await hub.call('hub.status', {})) as unknown as HubStatus).kiosks.find((k) => k.candidate !== null);
      return waiting !== undefined;
    }, 20_000, 'the kiosk waiting for approval');
    await hub.call('hub.approve', { identity: waiting?.identity, install: waiting?.candidate?.install });
    await until(async () => (await kiosk.status()).hubLink?.state === 'ok', 40_000, 'the kiosk linked to the hub');

    // The counter reboots (a Windows update): while it is away the kiosk hands out 50 tickets.
    await hub.core.close();
    cores.splice(cores.indexOf(hub.core), 1);
    await ticketsDuringOutage(kiosk, 50);
    expect((await kiosk.status()).queued).toBe(50);
    expect((await kiosk.status()).oldestPendingAgeSeconds).toEqual(expect.any(Number));

    hub = startHub();
    await hub.call('staff.signIn', { username: 'anna', pin: '482915' });
    const messages = async () => ((await hub.call('hub.status', {})) as unknown as HubStatus).kiosks[0]?.messages ?? 0;
    // With the backoff alone the next attempt is more than 30 s away: all 50 must be there well before.
    await until(async () => (await messages()) >= 50, 20_000, 'all 50 tickets at the restarted hub');
    // Each exactly once. (Not read from queue.list: that is today's queue, and a run that starts at
    // 23:59, as test:clocks does, ends on the next service day.)
    expect(await messages()).toBe(50);
    await until(async () => {
      const s = await kiosk.status();
      return s.queued === 0 && s.inFlight === 0;
    }, 10_000, 'the kiosk outbox drained');
    expect((await kiosk.status()).oldestPendingAgeSeconds).toBeNull();
  }, 180_000);

  it('a counter whose device heartbeat gets through after a central-API outage sends its queue at once', async () => {
    sim = await startSim();
    const central = sim;
    const counter = startDevice(
      { role: 'counter', location, region: 'regio-zwolle', centralApiUrl: central.url },
      // The test sends each heartbeat itself.
      { heartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 } },
      async () => central.issueEnrollmentCode(),
    );
    expect(await counter.core.heartbeat?.sendNow()).toBe('sent');
    // Tickets at the counter are taken by a signed-in staff member for the visitor in front of them.
    await counter.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    central.setFaults({ down: true });
    await ticketsDuringOutage(counter, 10);
    expect(central.store.received()).toHaveLength(0);

    central.setFaults({});
    expect(await counter.core.heartbeat?.sendNow()).toBe('sent');
    await until(() => central.store.received().length === 10, 10_000, 'the 10 tickets at the central API');
  }, 180_000);
});
