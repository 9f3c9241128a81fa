import type { DeviceConfig } from '../../../shared/config/device-config';
import type { updatesChannels } from '../../../shared/contract/updates-channels';
import type { HandlersFor } from '../bridge/handlers';
import { CoreError } from '../errors';
import type { UpdateService } from './update-service';

export function createUpdateHandlers(config: DeviceConfig, updates: UpdateService): HandlersFor<typeof updatesChannels> {
  return {
    'updates.status': () => updates.status(),
    'updates.installNow': () => {
      // A kiosk is in a visitor's hands; only the counter has staff in front of it.
      if (config.role !== 'counter') throw new CoreError('forbidden', 'Updates can only be installed from the counter desk.');
      return updates.installNow();
    },
  };
}
