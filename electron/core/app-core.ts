import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { createAppHandlers } from './app/app-handlers';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { readContentManifest } from './content/read-manifest';
import { createFileKeyProvider, type KeyProvider } from './crypto/key-provider';
import { createEligibilityHandlers, dutchCalendarDay } from './eligibility/eligibility-handlers';
import { readRuleSetFromSource } from './eligibility/read-rule-set';
import type { Logger } from './log/logger';
import { createRequestsStack, type SyncTuning } from './requests/requests-stack';

export interface CoreOptions {
  config: DeviceConfig;
  appVersion: string;
  /** Where the app's own read-only files live: the repo's resources/ or Electron's resourcesPath. */
  resourcesDir: string;
  /** Writable per-device directory (database, keys, logs). */
  dataDir: string;
  shell: 'electron' | 'browser';
  logger: Logger;
  /** Where the key for personal fields comes from; the Electron shell passes its safeStorage provider. Default: a 0600 key file in dataDir. */
  keyProvider?: KeyProvider;
  /** Where a one-time enrollment code for the central API comes from; default: the file `enrollment-code` in dataDir. */
  enrollmentCode?: () => Promise<string | null>;
  /** Shorter sync timings for tests and benchmarks. */
  syncTuning?: SyncTuning;
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

  const ruleSet = readRuleSetFromSource(options.resourcesDir, logger);
  const requests = createRequestsStack({
    dataDir: options.dataDir,
    keyProvider: options.keyProvider ?? createFileKeyProvider(join(options.dataDir, 'field-key')),
    config: options.config,
    appVersion: options.appVersion,
    logger,
    enrollmentCode: options.enrollmentCode,
    syncTuning: options.syncTuning,
  });

  const handlers: Handlers = {
    ...createAppHandlers({ ...options, content: () => content }),
    ...requests.handlers,
    ...createEligibilityHandlers({ ruleSet: () => ruleSet, today: () => dutchCalendarDay(new Date()) }),
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, logger),
    close: async () => {
      await requests.close();
    },
  };
}
