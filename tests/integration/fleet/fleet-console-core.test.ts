import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFleetSim, type RunningFleetSim } from '../../../electron/central-sim/fleet-sim-runner';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createLogger } from '../../../electron/core/log/logger';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { FleetOverview } from '../../../shared/contract/fleet-channels';
import { fleetAlerts } from '../../../shared/fleet/fleet-alerts';
import { manualClock } from '../../support/manual-clock';
import { resourcesDir, tempDir } from '../../support/paths';

const open: { core?: Core; fleet?: RunningFleetSim; kiosk?: Core } = {};
afterEach(async () => {
  await open.core?.close();
  await open.kiosk?.close();
  await open.fleet?.close();
});

const t = { transport: 'test', client: 'test' } as const;

async function console_() {
  const clock = manualClock(new Date('2026-11-24T12:00:00.000Z'));
  const dataDir = tempDir('fleet-console');
  const fleet = await startFleetSim({ dataDir, resourcesDir, clock, shops: 60, backfillBeats: 6 });
  open.fleet = fleet;
  const logLines: string[] = [];
  const config = DeviceConfigSchema.parse({ role: 'fleet', location: { id: 'regio-it', name: 'Regionale IT' }, region: 'midden-utrecht', centralApiUrl: fleet.sim.url, fleet: { credentialsFile: fleet.credentialsFile } });
  const core = createCore({ config, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('fleet-console-data'), shell: 'browser', logger: createLogger((line) => logLines.push(line), 'debug'), clock });
  open.core = core;
  return { fleet, core, logLines, clock };
}

describe('the fleet console core', () => {
  it('serves the fleet with alerts for the injected faults, and never lets the IT password or token out of the core', async () => {
    const { fleet, core, logLines } = await console_();
    const overview = await core.dispatch('fleet.overview', {}, t);
    expect(overview.ok).toBe(true);
    if (!overview.ok) return;
    const result = FleetOverview.parse(overview.result);
    expect(result.devices).toHaveLength(fleet.simulation.devices.length);
    expect(result.alerts).toEqual(fleetAlerts(result.devices, new Date(result.asOf)));
    const silent = fleet.simulation.injected().filter((f) => f.kind === 'silent').map((f) => f.deviceId).sort();
    expect(result.alerts.filter((a) => a.kind === 'silent').map((a) => a.deviceId).sort()).toEqual(silent);
    const history = await core.dispatch('fleet.device', { deviceId: fleet.simulation.devices[0]?.deviceId ?? '' }, t);
    expect(history).toMatchObject({ ok: true });
    const csv = await core.dispatch('fleet.exportCsv', { state: 'silent' }, t);
    expect(csv).toMatchObject({ ok: true, result: { rows: silent.length } });

    const { password } = JSON.parse(readFileSync(fleet.credentialsFile, 'utf8')) as { password: string };
    const everything = JSON.stringify([overview, history, csv, await core.dispatch('app.info', {}, t)]) + logLines.join('\n');
    expect(everything).not.toContain(password);
    const tokens = fleet.sim.store.db.prepare('SELECT count(*) AS n FROM it_tokens').get() as { n: number };
    expect(tokens.n).toBe(1);
    expect(logLines.join('\n')).not.toMatch(/Bearer|itToken/);
  });

  it('says plainly when the IT account is refused, and refuses fleet channels on a kiosk and kiosk channels on the console', async () => {
    const { fleet, core } = await console_();
    fleet.sim.fleet.addItAccount('it-regio', 'a-different-password-now');
    // The console's token still works until it expires; a new console signs in afresh and is refused.
    const fresh = createCore({ config: DeviceConfigSchema.parse({ role: 'fleet', location: { id: 'regio-it', name: 'IT' }, region: 'midden-utrecht', centralApiUrl: fleet.sim.url, fleet: { credentialsFile: fleet.credentialsFile } }), appVersion: '1.0.0', resourcesDir, dataDir: tempDir('fleet-fresh'), shell: 'browser', logger: createLogger(() => undefined), clock: manualClock(new Date('2026-11-24T12:00:00.000Z')) });
    open.kiosk = fresh;
    expect(await fresh.dispatch('fleet.overview', {}, t)).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/refused the IT account/) } });
    expect(await core.dispatch('ticket.take', { topic: 'voucher' }, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await fresh.close();
    const kiosk = createCore({ config: DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'utrecht-centrum', name: 'Utrecht' }, region: 'midden-utrecht' }), appVersion: '1.0.0', resourcesDir, dataDir: tempDir('fleet-kiosk'), shell: 'browser', logger: createLogger(() => undefined) });
    open.kiosk = kiosk;
    expect(await kiosk.dispatch('fleet.overview', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
