import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/clock/clock';
import { writeDemoUpdateFolder } from './demo-update-folder';
import { heartbeatIntervalSeconds } from './fleet-store';
import { createFleetSimulation, planFleet, type FleetSimulation } from './fleet-simulation';
import { writeFileDurable } from '../core/content/durable-files';
import { startCentralSim, type RunningSim } from './sim-server';

export interface FleetSimOptions {
  dataDir: string;
  resourcesDir: string;
  clock: Clock;
  port?: number;
  shops?: number;
  seed?: number;
  faults?: boolean;
  /** Defaults to <dataDir>/updates, written with a demo release per channel when it does not exist. */
  updateDir?: string;
  /** Heartbeats already in the history at start: an hour at the normal pace. */
  backfillBeats?: number;
}

export interface RunningFleetSim {
  sim: RunningSim;
  simulation: FleetSimulation;
  updateDir: string;
  /** Where the IT account's username and password are (mode 600): the console reads them, nothing prints them. */
  credentialsFile: string;
  credentials: { username: string; password: string };
  close(): Promise<void>;
}

/** The 35 region slugs of the sample content: the fleet spreads its shops over them. */
export function sampleRegions(resourcesDir: string): string[] {
  const regions = JSON.parse(readFileSync(join(resourcesDir, 'content', 'source', 'regions.json'), 'utf8')) as { slug: string }[];
  return regions.map((r) => r.slug);
}

/**
 * The simulator with a fleet on it: 500 shops (1-3 kiosks and a counter each) heartbeating every
 * five minutes of the given clock, with faults, and an IT account for the fleet console.
 */
export async function startFleetSim(options: FleetSimOptions): Promise<RunningFleetSim> {
  const shops = planFleet(sampleRegions(options.resourcesDir), options.shops ?? 500, options.seed);
  const updateDir = options.updateDir ?? join(options.dataDir, 'updates');
  if (!existsSync(join(updateDir, 'latest.yml'))) writeDemoUpdateFolder(updateDir, shops);
  const credentials = { username: 'it-regio', password: randomBytes(18).toString('base64url') };
  const dbFile = join(options.dataDir, 'fleet-central.sqlite');
  // Every run is a fresh fleet: devices enrolled by an earlier run would otherwise be counted twice.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  const sim = await startCentralSim({
    dbFile,
    port: options.port ?? 0,
    now: () => options.clock.now(),
    seed: options.seed ?? 16,
    updateDir,
    itAccounts: [credentials],
  });
  const credentialsFile = join(options.dataDir, 'it-account.json');
  writeFileDurable(credentialsFile, `${JSON.stringify({ centralApiUrl: sim.url, ...credentials }, null, 2)}\n`, 0o600);
  const simulation = createFleetSimulation({ sim, shops, seed: options.seed, updateDir, faults: options.faults });
  const everyMs = heartbeatIntervalSeconds * 1000;
  const start = options.clock.now().getTime();
  const beats = options.backfillBeats ?? 12;
  simulation.enrollAll(new Date(start - beats * everyMs));
  // Silent devices stopped after the first third of the backfilled hour: long past three missed beats now.
  const silentFrom = new Date(start - Math.ceil((beats * 2) / 3) * everyMs);
  for (let i = beats - 1; i >= 0; i--) simulation.tick(new Date(start - i * everyMs), silentFrom);
  const timer = options.clock.setInterval(() => simulation.tick(options.clock.now(), silentFrom), everyMs);
  return {
    sim,
    simulation,
    updateDir,
    credentialsFile,
    credentials,
    close: async () => {
      timer.cancel();
      await sim.close();
    },
  };
}
