import type { Heartbeat } from '../../shared/central-api/devices';
import type { UpdatePhase } from '../../shared/updates/update-status';
import { UpdateChannel } from '../../shared/updates/update-channel';
import { compareVersions, type ReleaseFile } from '../../shared/updates/release-file';
import { rolloutPosition } from '../core/updates/rollout-ring';
import { seededRandom } from './faults';
import { readChannelRelease } from './fleet-rollout';
import type { RunningSim } from './sim-server';

/** What can be wrong with a simulated device; each shows up in the console's alerts. */
export const fleetFaultKinds = ['silent', 'paper-out', 'printer-offline', 'update-stalled', 'update-failed', 'stuck-outbox', 'disk-almost-full', 'old-content'] as const;
export type FleetFaultKind = (typeof fleetFaultKinds)[number];

export interface FleetShop {
  id: string;
  region: string;
  channel: UpdateChannel;
  position: number;
}

export interface SimulatedDevice {
  deviceId: string;
  locationId: string;
  role: 'kiosk' | 'counter';
  channel: UpdateChannel;
  position: number;
  appVersion: string;
  /** Ticks spent on the current update: downloading, then ready, then installed. */
  updateTicks: number;
  fault: FleetFaultKind | null;
}

/** `count` shops spread over the regions in turn, each on a channel (about 5 % pilot, 1 % beta), at its location's rollout position. */
export function planFleet(regions: readonly string[], count: number, seed = 16): FleetShop[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const region = regions[i % regions.length] as string;
    const id = `${region}-${String(Math.floor(i / regions.length) + 1).padStart(2, '0')}`;
    const draw = random();
    const channel: UpdateChannel = draw < 0.01 ? 'beta' : draw < 0.06 ? 'pilot' : 'stable';
    return { id, region, channel, position: rolloutPosition(id) };
  });
}

export interface FleetSimulationOptions {
  sim: RunningSim;
  shops: readonly FleetShop[];
  seed?: number;
  /** The update folder the devices read their channel's release from (the same one the release tool edits). */
  updateDir?: string;
  /** Off for tests that count exact rollouts: no device gets a fault. */
  faults?: boolean;
  /** The content pack version the newest devices run; an "old-content" device runs an older one. */
  newestContentVersion?: string;
  baseVersion?: string;
}

const gb = 1_000_000_000;

/**
 * A fleet of shops on the simulator: every location in one of the regions, 1-3 kiosks and a
 * counter each, on a channel, with a mix of faults. It has no clock of its own: whoever runs it
 * calls tick(at) (the fleet-sim script on a compressed clock, a test with the time it wants).
 */
export function createFleetSimulation(options: FleetSimulationOptions) {
  const random = seededRandom(options.seed ?? 16);
  const newestContent = options.newestContentVersion ?? '2026.12.0';
  const baseVersion = options.baseVersion ?? readChannelRelease(options.updateDir, 'stable')?.version ?? '0.1.0';
  const shops = options.shops;
  options.sim.fleet.setLocations(shops);

  const devices: SimulatedDevice[] = [];
  const enroll = (shop: FleetShop, role: 'kiosk' | 'counter', at: Date) => {
    const enrolled = options.sim.store.enroll(options.sim.issueEnrollmentCode(), shop.id, role, at);
    if (!enrolled) throw new Error('the simulator refused its own enrollment code');
    devices.push({ deviceId: enrolled.deviceId, locationId: shop.id, role, channel: shop.channel, position: shop.position, appVersion: baseVersion, updateTicks: 0, fault: null });
  };

  type Releases = Map<UpdateChannel, ReleaseFile | null>;
  // Read once per tick, as a device reads its channel's file once per check.
  const readReleases = (): Releases => new Map(UpdateChannel.options.map((c) => [c, readChannelRelease(options.updateDir, c)] as const));

  function targetOf(device: SimulatedDevice, releases: Releases): string | null {
    const release = releases.get(device.channel);
    if (!release) return null;
    const inStage = release.stagingPercentage === null || device.position < release.stagingPercentage;
    return inStage && compareVersions(release.version, device.appVersion) > 0 ? release.version : null;
  }

  function phaseOf(device: SimulatedDevice, target: string | null): UpdatePhase {
    if (!target) return { phase: 'up-to-date' };
    if (device.fault === 'update-failed') return { phase: 'failed', reason: 'sha512 checksum mismatch after download' };
    if (device.fault === 'update-stalled') return { phase: 'downloading', version: target, percent: 37, bytesPerSecond: 0 };
    if (device.updateTicks === 0) return { phase: 'downloading', version: target, percent: 40, bytesPerSecond: 2_500_000 };
    return { phase: 'ready', version: target, waitingFor: null };
  }

  function heartbeatOf(device: SimulatedDevice, at: Date, releases: Releases): Heartbeat {
    const target = targetOf(device, releases);
    if (target && device.updateTicks >= 2 && device.fault !== 'update-failed' && device.fault !== 'update-stalled') {
      device.appVersion = target;
      device.updateTicks = 0;
    }
    const pending = targetOf(device, releases);
    const state = phaseOf(device, pending);
    if (pending) device.updateTicks++;
    const fault = device.fault;
    const printerState = fault === 'paper-out' ? 'paper-out' : fault === 'printer-offline' ? 'offline' : 'ready';
    const stuck = fault === 'stuck-outbox';
    const degraded = fault !== null && fault !== 'silent';
    const iso = at.toISOString();
    return {
      appVersion: device.appVersion,
      contentVersion: fault === 'old-content' ? '2026.10.0' : newestContent,
      health: fault === 'update-failed' || stuck ? 'failing' : degraded ? 'degraded' : 'ok',
      queueDepth: stuck ? 14 : device.role === 'counter' ? 2 : 0,
      needsAttention: stuck ? 3 : 0,
      oldestPendingAgeSeconds: stuck ? 30 * 3600 : null,
      update: { currentVersion: device.appVersion, channel: device.channel, rolloutPosition: device.position, lastCheckedAt: iso, state },
      printer: { kind: 'tcp', state: printerState, paperLow: false, reportsPaper: true, checkedAt: iso, pendingJobs: printerState === 'ready' ? 0 : 2, failedJobs: 0 },
      diskFreeBytes: fault === 'disk-almost-full' ? 600_000_000 : 40 * gb + (device.position % 20) * gb,
      at: iso,
    };
  }

  return {
    shops,
    devices,
    /** Enrolls every shop's devices and hands out the faults. */
    enrollAll(at: Date): void {
      for (const shop of shops) {
        enroll(shop, 'counter', at);
        const kiosks = 1 + Math.floor(random() * 3);
        for (let k = 0; k < kiosks; k++) enroll(shop, 'kiosk', at);
      }
      if (options.faults === false) return;
      const releases = readReleases();
      const updateable = devices.filter((d) => d.channel !== 'stable' && targetOf(d, releases) !== null);
      for (const kind of fleetFaultKinds) {
        const pool = kind.startsWith('update-') && updateable.length ? updateable : devices;
        // A failed or stalled update is rare (a few devices of the few shops in a pilot stage); the rest about one device in a hundred each.
        const howMany = kind.startsWith('update-') ? 2 : Math.max(2, Math.round(devices.length / 100));
        for (let n = 0; n < howMany; n++) {
          const free = pool.filter((d) => d.fault === null);
          const device = free[Math.floor(random() * free.length)];
          if (device) device.fault = kind;
        }
      }
    },
    /** Every device that is not silent sends one heartbeat stamped `at`; silent ones only before `silentFrom`. */
    tick(at: Date, silentFrom?: Date): void {
      const releases = readReleases();
      options.sim.store.db.transaction(() => {
        for (const device of devices) {
          if (device.fault === 'silent' && silentFrom && at >= silentFrom) continue;
          options.sim.fleet.record(device.deviceId, heartbeatOf(device, at, releases), at);
        }
      })();
    },
    injected(): { kind: FleetFaultKind; deviceId: string; locationId: string }[] {
      return devices.filter((d) => d.fault !== null).map((d) => ({ kind: d.fault as FleetFaultKind, deviceId: d.deviceId, locationId: d.locationId }));
    },
  };
}

export type FleetSimulation = ReturnType<typeof createFleetSimulation>;
