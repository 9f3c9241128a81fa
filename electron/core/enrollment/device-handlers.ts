import type { deviceChannels, DeviceDiagnostics } from '../../../shared/contract/device-channels';
import type { HandlersFor } from '../bridge/handlers';
import { CoreError } from '../errors';
import type { TrackedAuth } from './enrollment-tracker';

export function createDeviceHandlers(auth: TrackedAuth | null, lastHeartbeatAt: () => Date | null, diagnostics: () => Promise<DeviceDiagnostics>): HandlersFor<typeof deviceChannels> {
  const status = () => ({
    enrollment: auth === null ? ('no-central-api' as const) : auth.enrollment(),
    lastHeartbeatAt: lastHeartbeatAt()?.toISOString() ?? null,
  });
  return {
    'device.status': status,
    'device.enroll': async ({ code }) => {
      if (auth === null) throw new CoreError('unavailable', 'This device has no central API to enroll with: its configuration names none.');
      if (!(await auth.enrollWith(code))) {
        throw new CoreError('conflict', 'The central API did not accept the code: it may be mistyped, already used or expired, or the API is unreachable.');
      }
      return status();
    },
    'device.diagnostics': () => diagnostics(),
  };
}
