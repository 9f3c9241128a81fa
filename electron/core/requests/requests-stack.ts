import type { DeviceConfig } from '../../../shared/config/device-config';
import type { KeyProvider } from '../crypto/key-provider';
import type { Logger } from '../log/logger';
import { createOutbox } from '../outbox/outbox';
import { openDeviceStore, type DeviceStore } from '../store/open-device-store';
import { StoreError } from '../store/store-error';
import { idleProgress } from '../sync/sync-status';
import { createRequestsHandlers, type RequestServicesOrError } from './requests-handlers';
import { createTickets } from './tickets';
import { createVoucherRequests } from './voucher-requests';

export interface RequestsStackOptions {
  dataDir: string;
  keyProvider: KeyProvider;
  config: DeviceConfig;
  logger: Logger;
  now?: () => Date;
}

/**
 * The store and everything on it, composed once. A database that cannot be opened does not stop
 * the app: browsing and information keep working and the request channels say why they cannot.
 */
export function createRequestsStack(options: RequestsStackOptions) {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  let store: DeviceStore | null = null;
  let access: RequestServicesOrError;
  try {
    store = openDeviceStore(options.dataDir, options.keyProvider);
    const outbox = createOutbox(store.db, store.cipher);
    access = {
      ok: true,
      services: {
        outbox,
        vouchers: createVoucherRequests({ db: store.db, cipher: store.cipher, outbox, config: options.config, now }),
        tickets: createTickets({ db: store.db, outbox, config: options.config, now }),
        progress: idleProgress,
      },
    };
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    logger.error('device database unavailable', { problem: err.problem, file: err.file, detail: err.message });
    access = { ok: false, error: err };
  }
  const opened = store;
  return {
    handlers: createRequestsHandlers(access, logger),
    close: async () => {
      opened?.close();
    },
  };
}
