import type { deviceChannels } from '../../../shared/contract/device-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { TrackedAuth } from './enrollment-tracker';
import type { HeartbeatSender } from './heartbeat-sender';

export function createDeviceHandlers(auth: TrackedAuth | null, heartbeat: HeartbeatSender | null): HandlersFor<typeof deviceChannels> {
  return {
    'device.status': () => ({
      enrollment: auth === null ? 'no-central-api' : auth.enrolled() ? 'enrolled' : 'not-enrolled',
      lastHeartbeatAt: heartbeat?.lastSentAt()?.toISOString() ?? null,
    }),
  };
}
