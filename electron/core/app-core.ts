import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { createAppHandlers } from './app/app-handlers';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { createAuditLog } from './audit/audit-log';
import { readContentManifest } from './content/read-manifest';
import type { Logger } from './log/logger';
import { openInterimStaffDb } from './staff/interim-staff-db';
import { createStaffHandlers } from './staff/staff-handlers';
import { createStaffService } from './staff/staff-service';

export interface CoreOptions {
  config: DeviceConfig;
  appVersion: string;
  /** Where the app's own read-only files live: the repo's resources/ or Electron's resourcesPath. */
  resourcesDir: string;
  /** Writable per-device directory (database, keys, logs). */
  dataDir: string;
  shell: 'electron' | 'browser';
  logger: Logger;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Composes the core services and their channel handlers; each capability adds its own group. */
export function createCore(options: CoreOptions): Core {
  const { logger } = options;
  const content = readContentManifest(join(options.resourcesDir, 'content', 'sample'), logger);

  const db = openInterimStaffDb(options.dataDir);
  const staff = createStaffService({ db, audit: createAuditLog(db), autoLockSeconds: options.config.deskAutoLockSeconds });

  const handlers: Handlers = {
    ...createAppHandlers({ ...options, content: () => content }),
    ...createStaffHandlers(staff),
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, logger, { deviceRole: options.config.role, staffRole: () => staff.currentRole() }),
    close: async () => {
      db.close();
    },
  };
}
