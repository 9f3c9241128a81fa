import { join } from 'node:path';
import { startCentralSim, type RunningSim } from './sim-server';

/**
 * Demo mode's central API: the simulator in-process on a free loopback port with its own SQLite
 * file in the data dir, handing the device a fresh enrollment code whenever it asks and serving
 * the sample content pack. For a demo outpost it also plays the shops' hubs (`outpostPlaces`); a
 * demo counter's own central API gets no such places, so the counter books all of its own.
 */
export async function startDemoCentral(
  dataDir: string,
  contentPackFile?: string,
  options: { outpostPlaces?: number } = {},
): Promise<{ sim: RunningSim; url: string; enrollmentCode: () => Promise<string> }> {
  const sim = await startCentralSim({ dbFile: join(dataDir, 'demo-central-api.sqlite'), port: 0, contentPackFile, ...options });
  return { sim, url: sim.url, enrollmentCode: async () => sim.issueEnrollmentCode() };
}
