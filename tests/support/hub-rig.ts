import { afterEach } from 'vitest';
import type { RunningSim } from '../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../shared/config/device-config';
import type { HubKiosk, HubStatus } from '../../shared/contract/desk-channels';
import { coreCall } from './core-call';
import { startCounterCore, type CounterCore } from './counter-core';
import { resourcesDir, tempDir } from './paths';
import { until } from './until';

export const zwolle = { id: 'zwolle-centrum', name: 'Zwolle' };

/** The cores and simulators a test file starts, each closed after every test. */
export function closedAfterEach(): { cores: Core[]; sims: RunningSim[] } {
  const started = { cores: [] as Core[], sims: [] as RunningSim[] };
  afterEach(async () => {
    await Promise.all(started.cores.splice(0).map((core) => core.close()));
    await Promise.all(started.sims.splice(0).map((sim) => sim.close()));
  });
  return started;
}

/** The counter as the location hub, on a real TLS-PSK port; staff signed in so the desk may read the hub's status. Added to `cores` for closing. */
export async function startHub(cores: Core[], options: { port: number; locationKey: string; dataDir?: string; now?: () => Date; firstRun?: boolean; sim?: RunningSim }): Promise<CounterCore> {
  const hub = startCounterCore({ sim: options.sim, dataDir: options.dataDir, now: options.now, config: { hub: { listenHost: '127.0.0.1', port: options.port, locationKey: options.locationKey } } });
  cores.push(hub.core);
  if (options.firstRun ?? true) await hub.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  else await hub.call('staff.signIn', { username: 'anna', pin: '482915' });
  await until(async () => (await hub.call('hub.status', {})).listening === true, 5000, 'the hub listening');
  return hub;
}

/**
 * A Zwolle kiosk behind the hub at `port`, whose heartbeat the test sends itself, and whose outbox
 * waits a minute after a failed delivery, so a test can look at a row the worker does not touch in
 * between. Added to `cores` for closing.
 */
export function startHubKiosk(cores: Core[], options: { port: number; locationKey: string; prefix?: string; printer?: DeviceConfigInput['printer']; demo?: boolean; now?: () => Date }) {
  const dataDir = tempDir('kiosk');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role: 'kiosk', location: zwolle, region: 'regio-zwolle', ticketPrefix: options.prefix ?? 'B', printer: options.printer, demo: options.demo ?? false, hub: { url: `https://127.0.0.1:${options.port}`, locationKey: options.locationKey } }),
    appVersion: '1.4.0',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    syncTuning: { baseDelayMs: 60_000, capDelayMs: 60_000, random: () => 1, idlePollMs: 50, requestTimeoutMs: 2000 },
    hubHeartbeat: { firstAfterMs: 3_600_000, everyMs: 3_600_000 },
    now: options.now,
  });
  cores.push(core);
  return { core, dataDir, call: coreCall(core) };
}

export const kiosksAt = async (hub: CounterCore): Promise<HubKiosk[]> => ((await hub.call('hub.status', {})) as unknown as HubStatus).kiosks;

/** The kiosk's first contact puts it on the hub's list as waiting; the location manager approves it, as at the desk. */
export async function enroll(hub: CounterCore, contact: () => Promise<unknown> | undefined): Promise<void> {
  await contact();
  const [waiting] = (await kiosksAt(hub)).filter((k) => k.candidate !== null);
  await hub.call('hub.approve', { identity: waiting?.identity, install: waiting?.candidate?.install });
}
