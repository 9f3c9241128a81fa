import type { DeviceConfig } from '../../shared/config/device-config';
import { createAppHandlers } from './app/app-handlers';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { createContentHandlers } from './content/content-handlers';
import { createContentService, type ContentService } from './content/content-service';
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
  /** Content packs and search: other services read the active pack (e.g. its eligibility rules) here. */
  content: ContentService;
  close(): Promise<void>;
}

/** Composes the core services and their channel handlers; each capability adds its own group. */
export function createCore(options: CoreOptions): Core {
  const { logger } = options;
  const content = createContentService({ config: options.config, dataDir: options.dataDir, resourcesDir: options.resourcesDir, logger: logger.child({ service: 'content' }) });

  const handlers: Handlers = {
    ...createAppHandlers({ ...options, content: () => content.manifest() }),
    ...createContentHandlers(content, options.config),
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    content,
    close: async () => content.close(),
  };
}
