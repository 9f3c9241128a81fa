import type { KeyProvider } from '../crypto/key-provider';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import { openDeviceStore, type DeviceStore } from './open-device-store';
import { logSlowQueries } from './slow-query-log';
import { StoreError } from './store-error';

export interface StoreModule extends Capability {
  /** The open device database; null when it could not be opened (the app keeps browsing). */
  readonly device: DeviceStore | null;
  /** Why it could not be opened, in words staff can pass on; null when it is open. */
  readonly problem: StoreError | null;
}

/**
 * The device database, opened first: every module that keeps rows builds on it. A database that
 * cannot be opened does not stop the app; the modules that need it are not built and their
 * channels answer with this problem.
 */
export function createStoreModule(deps: { dataDir: string; keyProvider: KeyProvider; logger: Logger; slowQueryMs?: number }): StoreModule {
  try {
    const device = openDeviceStore(deps.dataDir, deps.keyProvider);
    logSlowQueries(device.db, deps.logger, deps.slowQueryMs);
    return { name: 'store', device, problem: null, close: () => device.close() };
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    deps.logger.error('device database unavailable', { problem: err.problem, file: err.file, detail: err.message });
    return { name: 'store', device: null, problem: err };
  }
}
