import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type CoreOptions } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { SyncStatus } from '../../../shared/contract/sync-channels';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync, startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Tuesday morning in Utrecht, far from the day the suite runs: a date the wall clock never gives. */
const start = new Date('2026-11-24T10:00:00+01:00');

/** The demo kiosk sending to the simulator, every time source the test's clock. */
function kiosk(sim: RunningSim, clock: ManualClock, heartbeat: CoreOptions['heartbeat']) {
  const core = createCore({
    config: { ...demoDeviceConfig, centralApiUrl: sim.url },
    appVersion: 'test',
    resourcesDir,
    dataDir: tempDir('one-clock'),
    shell: 'browser',
    logger: silentLogger,
    clock,
    syncTuning: fastSync,
    heartbeat,
    enrollmentCode: async () => sim.issueEnrollmentCode(),
  });
  cleanups.push(() => core.close());
  const syncStatus = async () => {
    const r = await core.dispatch('sync.status', {}, t);
    if (!r.ok) throw new Error(r.error.message);
    return SyncStatus.parse(r.result);
  };
  return { core, syncStatus };
}

describe('one clock for the whole core', () => {
  it('waits out the sync backoff on the core clock: no resend until the clock moves, however long it takes in real time', async () => {
    const sim = await startSim({ faults: { serverErrorRate: 1 } });
    cleanups.push(() => sim.close());
    const clock = manualClock(start);
    const { core, syncStatus } = kiosk(sim, clock, { firstAfterMs: 3_600_000, everyMs: 3_600_000 });

    const started = await core.dispatch('voucher.start', voucherInput(1), t);
    expect(started.ok).toBe(true);
    // A new row goes out at once (a nudge, not a timer); the API's 5xx puts it on a backoff.
    await until(() => sim.stats().faults['server-error'] === 1, 30_000, 'the first attempt at the central API');
    // The row's retry time is stored a moment before the attempt ends and the worker sets its timer.
    await until(async () => {
      const planned = await syncStatus();
      return planned.nextAttemptAt !== null && planned.inFlight === 0;
    }, 30_000, 'the worker planning its retry');

    const status = await syncStatus();
    const next = Date.parse(status.nextAttemptAt ?? '');
    // The retry is planned on the core's clock, which has not moved: within the backoff's cap of the test's morning.
    expect(next - start.getTime()).toBeGreaterThanOrEqual(0);
    expect(next - start.getTime()).toBeLessThanOrEqual(fastSync.capDelayMs);
    expect(clock.pending().some((at) => at.getTime() <= next)).toBe(true);
    // The attempt is over and the next one waits for a timer of the test's clock: nothing else can send it.
    expect(status.inFlight).toBe(0);
    expect(sim.stats().faults['server-error']).toBe(1);

    clock.advance(fastSync.capDelayMs);
    await until(() => sim.stats().faults['server-error'] >= 2, 30_000, 'the retry once the clock reached it');
  });

  it('sends the heartbeat when the core clock says so, and stamps it with that clock', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const clock = manualClock(start);
    const { core, syncStatus } = kiosk(sim, clock, { firstAfterMs: 0, everyMs: 5 * 60_000 });

    // Evidence that the kiosk enrolled and talks to the central API, while its clock stands still.
    expect((await core.dispatch('voucher.start', voucherInput(2), t)).ok).toBe(true);
    await until(async () => (await syncStatus()).lastSuccessAt !== null, 30_000, 'the request at the central API');
    expect(core.heartbeat?.lastSentAt()).toBeNull();

    clock.advance(0);
    await until(() => core.heartbeat?.lastSentAt() != null, 30_000, 'the first heartbeat');
    expect(core.heartbeat?.lastSentAt()?.toISOString()).toBe(start.toISOString());

    clock.advance(5 * 60_000);
    await until(() => core.heartbeat?.lastSentAt()?.getTime() !== start.getTime(), 30_000, 'the second heartbeat');
    expect(core.heartbeat?.lastSentAt()?.toISOString()).toBe(new Date(start.getTime() + 5 * 60_000).toISOString());
  });
});
