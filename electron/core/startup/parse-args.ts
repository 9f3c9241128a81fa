import { parseArgs } from 'node:util';
import { DeviceRole } from '../../../shared/config/device-config';
import { ConfigError } from '../config/config-error';

export interface StartOptions {
  browser: boolean;
  port: number;
  dataDir: string | undefined;
  /** Where the field key lives when not in the data dir (see docs/store-and-sync.md). */
  keyDir: string | undefined;
  configFile: string | undefined;
  role: DeviceRole | undefined;
  open: boolean;
}

/** The same flags for both shells, so IT's start-up scripts do not depend on which one runs. */
export function parseStartArgs(argv: readonly string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        browser: { type: 'boolean', default: false },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'key-dir': { type: 'string' },
        config: { type: 'string' },
        role: { type: 'string' },
        open: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new ConfigError(`${err instanceof Error ? err.message : String(err)}. Known options: --browser, --port N, --data-dir DIR, --key-dir DIR, --config FILE, --role kiosk|counter|fleet.`);
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new ConfigError(`--port expects a whole number from 0 to 65535 (0 picks a free port), got "${values.port}".`);
    }
  }
  let role: DeviceRole | undefined;
  if (values.role !== undefined) {
    const parsed = DeviceRole.safeParse(values.role);
    if (!parsed.success) throw new ConfigError(`--role expects kiosk, counter or fleet, got "${values.role}".`);
    role = parsed.data;
  }
  return {
    browser: values.browser ?? false,
    port,
    dataDir: values['data-dir'],
    keyDir: values['key-dir'],
    configFile: values.config,
    role,
    open: values.open ?? false,
  };
}
