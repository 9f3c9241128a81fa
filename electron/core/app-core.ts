import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { createAppHandlers } from './app/app-handlers';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { readContentManifest } from './content/read-manifest';
import type { Logger } from './log/logger';
import { createPrintingHandlers } from './printing/printing-handlers';
import { createPrintingService } from './printing/printing-service';

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

  const printing = createPrintingService({ config: options.config, dataDir: options.dataDir, logger });

  const handlers: Handlers = {
    ...createAppHandlers({ ...options, content: () => content }),
    ...createPrintingHandlers(printing),
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    close: () => printing.close(),
  };
}
