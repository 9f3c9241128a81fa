import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../core/config/config-error';
import { createFileKeyProvider, deviceKeyFile } from '../core/crypto/key-provider';
import { openDeviceLog } from '../core/log/device-log';
import { parseStartArgs } from '../core/startup/parse-args';
import { defaultDataDir, prepareStart } from '../core/startup/prepare-start';
import { findChromium, hasDisplay, openInChromium } from './open-browser';
import { startHost } from './start-host';

// Bundled to dist/host/host.mjs: the repository root is two levels up.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2));
  const prepared = prepareStart(options, defaultDataDir());
  const { dataDir } = prepared;
  const deviceLog = openDeviceLog(dataDir, (line) => process.stderr.write(`${line}\n`), { shell: 'browser' });
  const { logger } = deviceLog;
  // Demo mode without a central API gets the simulator in-process, so sync works out of the box.
  const demo = prepared.config.demo && !prepared.config.centralApiUrl;
  const fleetRole = prepared.config.role === 'fleet';
  // A demo outpost has no shop hub to give it time, so its central API plays one that shares one place per slot.
  const outpostPlaces = prepared.config.role === 'kiosk' && prepared.config.mode === 'outpost' ? { outpostPlaces: 1 } : {};
  // Imported only in demo mode: a kiosk in a shop never loads the simulators.
  const demoCentral = demo && !fleetRole ? await (await import('../central-sim/demo-central')).startDemoCentral(dataDir, join(root, 'resources', 'content', 'sample', 'pack.json'), outpostPlaces) : null;
  const demoFleet = demo && fleetRole ? await (await import('../central-sim/demo-fleet')).startDemoFleet(dataDir, join(root, 'resources')) : null;
  const config = demoCentral ? { ...prepared.config, centralApiUrl: demoCentral.url } : demoFleet ? { ...prepared.config, ...demoFleet.config } : prepared.config;
  const appVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Every address printed opens the app once; once used, the next one is printed for another window.
  const next = { print: (): void => undefined };
  const host = await startHost({
    config,
    appVersion,
    dataDir,
    keyProvider: createFileKeyProvider(deviceKeyFile(dataDir, prepared.keyDir)),
    resourcesDir: join(root, 'resources'),
    staticDir: join(root, 'dist', 'renderer'),
    port: options.port,
    logger,
    enrollmentCode: demoCentral?.enrollmentCode,
    onOpened: () => next.print(),
  });
  next.print = () => process.stdout.write(`An address has been used. To open the app in another window:\n  ${host.openUrl()}\n`);
  const mode = config.demo ? 'demo mode' : `location ${config.location.id}`;
  const simLine = demoCentral
    ? `Demo central API simulator: ${demoCentral.sim.url} (stats: ${demoCentral.sim.url}/_sim/stats)\n`
    : demoFleet
      ? `Demo fleet simulator: ${demoFleet.fleet.sim.url}; update folder for npm run release: ${demoFleet.fleet.updateDir}\n`
      : '';
  // The counter's waiting-room screen is the same app on a second display, opened with ?screen=now-serving.
  const wallLine = config.role === 'counter' ? `Waiting-room screen (open it on the second display):\n  ${host.openUrl()}?screen=now-serving\n` : '';
  process.stdout.write(`Loopbaanwinkel Kiosk (${config.role}, ${mode}) is running; open it once at:\n  ${host.openUrl()}\n${wallLine}${simLine}`);

  if (options.open) {
    const chromium = findChromium();
    if (!chromium) {
      process.stdout.write('No Chromium found: open the address above in a browser.\n');
    } else if (!hasDisplay()) {
      process.stdout.write('There is no screen to open a window on: open the address above in a browser.\n');
    } else {
      // Chromium's address is a one-time one too, and expires if Chromium does not open it at once:
      // what stays readable in /proc/<pid>/cmdline is then worth nothing.
      const browser = openInChromium(chromium, host.openUrl({ ttlMs: 30_000 }), config.role, join(dataDir, 'chromium-profile'), (message) =>
        process.stdout.write(`${message}\n`),
      );
      process.on('exit', () => browser.kill());
    }
  }

  const stop = (): void => {
    host
      .close()
      .then(() => demoCentral?.sim.close())
      .then(() => demoFleet?.fleet.close())
      .finally(() => {
        deviceLog.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Cannot start: ${err.message}\n`);
    process.exit(2);
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write('Cannot start: that port is already in use. Pick another with --port N, or leave it out for a free one.\n');
    process.exit(2);
  }
  process.stderr.write(`Cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
