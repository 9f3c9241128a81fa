import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { Heartbeat } from '../../../shared/central-api/devices';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync, startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const open: { core?: Core; sim?: RunningSim } = {};
afterEach(async () => {
  await open.core?.close();
  await open.sim?.close();
});

/** A kiosk against the simulator over real HTTP; IT's one-time code is whatever `code.current` holds. */
async function enrolledKiosk() {
  const sim = await startSim();
  const code = { current: sim.issueEnrollmentCode() };
  const config = DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'utrecht-centrum', name: 'Utrecht' }, region: 'midden-utrecht', centralApiUrl: sim.url });
  const core = createCore({
    config,
    appVersion: '1.4.0',
    resourcesDir,
    dataDir: tempDir('enroll'),
    shell: 'browser',
    logger: silentLogger,
    enrollmentCode: async () => code.current,
    syncTuning: fastSync,
    // Timers far away: the test sends each heartbeat itself.
    heartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 },
  });
  open.core = core;
  open.sim = sim;
  const call = async (channel: string, payload: unknown = {}) => core.dispatch(channel, payload, { transport: 'test', client: 'test' });
  const heartbeats = () =>
    (sim.store.db.prepare('SELECT body FROM heartbeats ORDER BY rowid').all() as { body: string }[]).map((row) => Heartbeat.parse(JSON.parse(row.body)));
  return { sim, core, code, call, heartbeats };
}

describe('enrollment and heartbeat against the central API simulator', () => {
  it('enrolls with the one-time code and reports versions, update state, queue, printer and disk', async () => {
    const { core, call, heartbeats } = await enrolledKiosk();
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'enrolling', lastHeartbeatAt: null } });
    expect(await core.heartbeat?.sendNow()).toBe('sent');
    const [beat] = heartbeats();
    expect(beat).toMatchObject({
      appVersion: '1.4.0',
      health: 'ok',
      queueDepth: 0,
      needsAttention: 0,
      update: { currentVersion: '1.4.0', channel: 'stable', state: { phase: 'disabled' } },
      printer: { kind: 'virtual', state: 'ready', pendingJobs: 0 },
    });
    expect(beat?.diskFreeBytes).toBeGreaterThan(0);
    // A kiosk is no hub: no kiosks behind it, no refused handshakes.
    expect(beat?.kiosks).toEqual([]);
    expect(beat).not.toHaveProperty('hubRefusedConnections');
    const status = await call('device.status');
    expect(status).toMatchObject({ ok: true, result: { enrollment: 'enrolled' } });
    expect(JSON.stringify(status)).toMatch(/"lastHeartbeatAt":"\d{4}-/);
  });

  it('after the token is revoked says "not enrolled", keeps the queued data, and recovers with a new code', async () => {
    const { sim, core, code, call, heartbeats } = await enrolledKiosk();
    expect(await core.heartbeat?.sendNow()).toBe('sent');
    sim.store.revokeAllTokens();
    const ticket = await call('ticket.take', { topic: 'loopbaanadvies' });
    expect(ticket).toMatchObject({ ok: true });

    // The spent code no longer works: the device cannot renew its token.
    expect(await core.heartbeat?.sendNow()).toBe('not-enrolled');
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'not-enrolled' } });
    expect(heartbeats()).toHaveLength(1);
    const waiting = await call('sync.status');
    expect(waiting).toMatchObject({ ok: true });
    const queued = (waiting as { result: { queued: number; inFlight: number } }).result;
    expect(queued.queued + queued.inFlight).toBe(1);
    expect(sim.store.received()).toHaveLength(0);

    // IT types a fresh code: the device enrolls again and the kept ticket goes out.
    code.current = sim.issueEnrollmentCode();
    expect(await core.heartbeat?.sendNow()).toBe('sent');
    expect(await call('device.status')).toMatchObject({ ok: true, result: { enrollment: 'enrolled' } });
    await until(() => sim.store.received().length > 0, 15_000, 'the kept ticket at the central API');
    expect(sim.store.received()).toHaveLength(1);
    expect(heartbeats().at(-1)?.queueDepth).toBe(1);
  });

  it('says there is no central API when the device has none, and sends nothing', async () => {
    const config = DeviceConfigSchema.parse({ role: 'counter', location: { id: 'a', name: 'A' }, region: 'r' });
    const core = createCore({ config, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('offline'), shell: 'browser', logger: silentLogger });
    open.core = core;
    expect(core.heartbeat).toBeNull();
    await core.dispatch('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' }, { transport: 'test', client: 'test' });
    expect(await core.dispatch('device.status', {}, { transport: 'test', client: 'test' })).toMatchObject({ ok: true, result: { enrollment: 'no-central-api', lastHeartbeatAt: null } });
  });
});
