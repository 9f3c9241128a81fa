import type { DeviceConfig } from '../../../shared/config/device-config';
import type { contentChannels } from '../../../shared/contract/content-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { SyncAuth } from '../sync/sync-worker';
import { createContentHandlers } from './content-handlers';
import { createContentService, type ContentService, type UpdateSchedule } from './content-service';

export interface ContentModule extends Capability {
  readonly handlers: HandlersFor<typeof contentChannels>;
  /** The active pack and its search; other modules read the pack here (rules, names, providers). */
  readonly service: ContentService;
}

/** Signed content packs and their offline search; checks the central API for a new pack on a timer. */
export function createContentModule(deps: {
  config: DeviceConfig;
  dataDir: string;
  resourcesDir: string;
  logger: Logger;
  clock: Clock;
  deviceAuth: SyncAuth | null;
  updates?: UpdateSchedule;
}): ContentModule {
  const service = createContentService({ config: deps.config, dataDir: deps.dataDir, resourcesDir: deps.resourcesDir, logger: deps.logger.child({ service: 'content' }), clock: deps.clock, deviceAuth: deps.deviceAuth });
  return {
    name: 'content',
    service,
    handlers: createContentHandlers(service, deps.config),
    start: () => service.startUpdates(deps.updates),
    close: () => service.close(),
  };
}
