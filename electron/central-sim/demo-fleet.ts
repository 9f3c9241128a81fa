import { compressedClock } from './compressed-clock';
import { startFleetSim, type RunningFleetSim } from './fleet-sim-runner';

/**
 * The fleet console's demo mode: the fleet simulation of 500 shops in-process, five minutes of
 * heartbeats every five seconds, and the config lines that point the console at it.
 */
export async function startDemoFleet(dataDir: string, resourcesDir: string): Promise<{ fleet: RunningFleetSim; config: { centralApiUrl: string; fleet: { credentialsFile: string } } }> {
  const fleet = await startFleetSim({ dataDir, resourcesDir, clock: compressedClock(60) });
  return { fleet, config: { centralApiUrl: fleet.sim.url, fleet: { credentialsFile: fleet.credentialsFile } } };
}
