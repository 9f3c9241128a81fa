// npm run fleet-sim -- [--port N] [--data-dir DIR] [--shops 500] [--speed 60] [--seed N]
// The simulator with a fleet of shops heartbeating on a compressed clock (--speed 60: five
// minutes of the fleet's day pass in five seconds). Prints where the IT account's credentials
// file and the update folder are; the release tool works on that folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compressedClock } from './compressed-clock';
import { startFleetSim } from './fleet-sim-runner';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    shops: { type: 'string', default: '500' },
    speed: { type: 'string', default: '60' },
    seed: { type: 'string', default: '16' },
  },
});

const numberOption = (name: string, raw: string, min: number, max: number): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`--${name} expects a whole number from ${min} to ${max}, got "${raw}".\n`);
    process.exit(2);
  }
  return value;
};

const port = numberOption('port', values.port, 0, 65535);
const shops = numberOption('shops', values.shops, 1, 5000);
const speed = numberOption('speed', values.speed, 1, 3600);
const seed = numberOption('seed', values.seed, 0, 2 ** 31);

const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'fleet-sim-'));
const fleet = await startFleetSim({ dataDir, resourcesDir: resolve(import.meta.dirname, '..', '..', 'resources'), clock: compressedClock(speed), port, shops, seed });
const injected = fleet.simulation.injected();
process.stdout.write(
  `Fleet simulator listening at ${fleet.sim.url}: ${fleet.simulation.shops.length} shops, ${fleet.simulation.devices.length} devices, ${injected.length} with a fault, ` +
    `one heartbeat each every ${Math.round(300 / speed)} s of real time.\n` +
    `IT account (username and password for the fleet console): ${fleet.credentialsFile}\n` +
    `Update folder: ${fleet.updateDir}\n  e.g. npm run release -- stage --channel stable --percent 25 --dir ${fleet.updateDir}\n`,
);
const stop = (): void => {
  fleet.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
