import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { readContentManifest } from './content/read-manifest';
import type { Logger } from './log/logger';

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

export const productName = 'Loopbaanwinkel Kiosk';

export function createCore(options: CoreOptions): Core {
  const { config, logger } = options;
  const content = readContentManifest(join(options.resourcesDir, 'content', 'sample'), logger);

  const handlers: Handlers = {
    'app.info': () => ({
      productName,
      appVersion: options.appVersion,
      role: config.role,
      demo: config.demo,
      location: config.location,
      region: config.region,
      defaultLanguage: config.defaultLanguage,
      idleSeconds: config.idleSeconds,
      content: content && { version: content.version, createdAt: content.createdAt },
      shell: options.shell,
    }),
    'app.reportError': (input) => {
      logger.warn('renderer reported an error', { screen: input.screen, message: input.message });
      return { logged: true };
    },
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    close: async () => undefined,
  };
}
