import { join } from 'node:path';
import { startCentralSim, type RunningSim } from './sim-server';

/**
 * Demo mode's central API: the simulator in-process on a free loopback port with its own SQLite
 * file in the data dir, handing the device a fresh enrollment code whenever it asks and serving
 * the sample content pack.
 */
export async function startDemoCentral(dataDir: string, contentPackFile?: string): Promise<{ sim: RunningSim; url: string; enrollmentCode: () => Promise<string> }> {
  const sim = await startCentralSim({ dbFile: join(dataDir, 'demo-central-api.sqlite'), port: 0, contentPackFile });
  return { sim, url: sim.url, enrollmentCode: async () => sim.issueEnrollmentCode() };
}
