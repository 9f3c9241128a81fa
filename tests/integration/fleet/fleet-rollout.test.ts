import { afterEach, describe, expect, it } from 'vitest';
import { startFleetSim, type RunningFleetSim } from '../../../electron/central-sim/fleet-sim-runner';
import { heartbeatIntervalSeconds } from '../../../electron/central-sim/fleet-store';
import { FleetDeviceList, FleetRollout, ItSession } from '../../../shared/central-api/fleet';
import { runRelease } from '../../../scripts/release-tool/release-verbs';
import { manualClock } from '../../support/manual-clock';
import { resourcesDir, tempDir } from '../../support/paths';

const open: RunningFleetSim[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const beat = heartbeatIntervalSeconds * 1000;

async function itGet<T>(fleet: RunningFleetSim, path: string, schema: { parse(v: unknown): T }): Promise<T> {
  const session = ItSession.parse(
    await (await fetch(`${fleet.sim.url}/v1/it/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fleet.credentials) })).json(),
  );
  return schema.parse(await (await fetch(`${fleet.sim.url}${path}`, { headers: { Authorization: `Bearer ${session.itToken}` } })).json());
}

describe('a staged rollout across the simulated fleet', () => {
  it('after stage --percent 25 exactly the stable shops below position 25 run the new version, and the rollout view says so', async () => {
    const clock = manualClock(new Date('2026-11-24T22:00:00.000Z'));
    const fleet = await startFleetSim({ dataDir: tempDir('fleet-rollout'), resourcesDir, clock, faults: false, backfillBeats: 2 });
    open.push(fleet);
    expect(fleet.simulation.shops).toHaveLength(500);
    expect(new Set(fleet.simulation.shops.map((s) => s.region)).size).toBe(35);
    const out: string[] = [];
    const release = (...args: string[]) => runRelease([...args, '--dir', fleet.updateDir], { out: (l) => out.push(l), err: (l) => out.push(l), now: () => clock.now(), defaultLocations: '' });

    expect(release('promote', '--from', 'pilot', '--to', 'stable')).toBe(0);
    clock.advance(3 * beat);
    const stableDevices = async () => (await itGet(fleet, '/v1/fleet/devices', FleetDeviceList)).devices.filter((d) => d.channel === 'stable');
    expect((await stableDevices()).filter((d) => d.appVersion === '0.2.0')).toEqual([]);

    out.length = 0;
    expect(release('stage', '--channel', 'stable', '--percent', '25')).toBe(0);
    clock.advance(4 * beat);
    const devices = await stableDevices();
    const stableShops = new Set(devices.map((d) => d.locationId));
    const expected = fleet.simulation.shops.filter((s) => stableShops.has(s.id) && s.position < 25).map((s) => s.id).sort();
    expect(expected.length).toBeGreaterThan(50);
    const onNew = [...new Set(devices.filter((d) => d.appVersion === '0.2.0').map((d) => d.locationId))].sort();
    expect(onNew).toEqual(expected);
    // Whole shops: no shop has one kiosk on the new version and another on the old.
    for (const id of expected) expect(devices.filter((d) => d.locationId === id).every((d) => d.appVersion === '0.2.0')).toBe(true);

    const rollout = await itGet(fleet, '/v1/fleet/rollout', FleetRollout);
    expect(rollout.channels.find((c) => c.channel === 'stable')).toEqual({
      channel: 'stable',
      version: '0.2.0',
      stagingPercentage: 25,
      shops: stableShops.size,
      shopsInStage: expected.length,
      shopsUpdated: expected.length,
      shopsWaiting: 0,
      shopsFailed: 0,
    });
    // The release tool counted the same shops from the location list (every channel's shops, as a device's position does not depend on its channel).
    const allBelow = fleet.simulation.shops.filter((s) => s.position < 25).length;
    expect(out[0]).toContain(`0 -> ${allBelow} of 500`);
  }, 60_000);
});
