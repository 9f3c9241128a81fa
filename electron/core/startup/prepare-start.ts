import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { ConfigError } from '../config/config-error';
import { loadDeviceConfig } from '../config/load-device-config';
import type { StartOptions } from './parse-args';

export interface Prepared {
  config: DeviceConfig;
  dataDir: string;
  keyDir: string | undefined;
}

export function defaultDataDir(): string {
  return join(homedir(), '.loopbaanwinkel-kiosk');
}

/** Config and data dir, the same way for both shells; --role overrides the file for a quick try-out. */
export function prepareStart(options: StartOptions, fallbackDataDir: string): Prepared {
  const loaded = loadDeviceConfig(options.configFile);
  const config = options.role ? { ...loaded, role: options.role } : loaded;
  const dataDir = resolve(options.dataDir ?? fallbackDataDir);
  const keyDir = options.keyDir === undefined ? undefined : resolve(options.keyDir);
  for (const [what, dir] of [['Data directory', dataDir], ['Key directory', keyDir]] as const) {
    if (dir === undefined) continue;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new ConfigError(`${what} ${dir} cannot be created: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
  }
  return { config, dataDir, keyDir };
}
