// npm run central-sim -- --port N [--db FILE] [--content-pack FILE] [--faults JSON] [--seed N] [--no-auth] [--outpost-places N]
// --outpost-places: every shop shares N places per slot with outposts, as if its hub had sent that allowance.
// Prints its URL and one enrollment code, then serves until Ctrl+C.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentralSim } from './sim-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    db: { type: 'string' },
    'content-pack': { type: 'string' },
    faults: { type: 'string' },
    seed: { type: 'string' },
    'no-auth': { type: 'boolean', default: false },
    'outpost-places': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port expects a number from 0 to 65535, got "${values.port}".\n`);
  process.exit(2);
}
const outpostPlaces = values['outpost-places'] === undefined ? undefined : Number(values['outpost-places']);
if (outpostPlaces !== undefined && (!Number.isInteger(outpostPlaces) || outpostPlaces < 0 || outpostPlaces > 20)) {
  process.stderr.write(`--outpost-places expects a whole number from 0 to 20, got "${values['outpost-places']}".\n`);
  process.exit(2);
}
let faults: unknown = {};
try {
  faults = values.faults ? (JSON.parse(values.faults) as unknown) : {};
} catch {
  process.stderr.write('--faults expects JSON such as {"serverErrorRate":0.1,"ackLossRate":0.05}.\n');
  process.exit(2);
}

try {
  const sim = await startCentralSim({
    dbFile: values.db ?? join(mkdtempSync(join(tmpdir(), 'central-sim-')), 'central.sqlite'),
    port,
    faults: faults as never,
    seed: values.seed ? Number(values.seed) : undefined,
    requireAuth: !values['no-auth'],
    contentPackFile: values['content-pack'],
    outpostPlaces,
  });
  process.stdout.write(`Central API simulator listening at ${sim.url}\nOne-time enrollment code: ${sim.issueEnrollmentCode()}\nStats: ${sim.url}/_sim/stats\n`);
  const stop = (): void => {
    sim.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`Cannot start the simulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
