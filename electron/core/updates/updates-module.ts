import type { DeviceConfig } from '../../../shared/config/device-config';
import type { updatesChannels } from '../../../shared/contract/updates-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import { createActivityMonitor, type ActivityMonitor } from './activity-monitor';
import { createUpdateHandlers } from './update-handlers';
import { createUpdateService, type UpdateService } from './update-service';
import type { UpdaterPort } from './updater-port';

export interface UpdatesModule extends Capability {
  readonly handlers: HandlersFor<typeof updatesChannels>;
  readonly service: UpdateService;
  /** Touched by every call a person causes, so an update never restarts a device under someone's hands. */
  readonly activity: ActivityMonitor;
}

/** After the last tap or ticket, this long before an update may restart the device: 10 minutes, or two visitor time-outs if longer. */
function quietPeriodMs(idleSeconds: number): number {
  return Math.max(10 * 60_000, 2 * idleSeconds * 1000);
}

/** Staged app updates by location ring, installed only inside the maintenance window or when staff ask. */
export function createUpdatesModule(deps: { config: DeviceConfig; appVersion: string; dataDir: string; logger: Logger; clock: Clock; updater: UpdaterPort | undefined }): UpdatesModule {
  const activity = createActivityMonitor(quietPeriodMs(deps.config.idleSeconds));
  const service = createUpdateService({ ...deps, activity, firstCheckAfterMs: 60_000, checkEveryMs: 4 * 60 * 60_000, decideEveryMs: 60_000 });
  return { name: 'updates', service, activity, handlers: createUpdateHandlers(deps.config, service), close: () => service.close() };
}
