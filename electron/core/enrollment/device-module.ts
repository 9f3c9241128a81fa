import type { DeviceConfig } from '../../../shared/config/device-config';
import type { Heartbeat } from '../../../shared/central-api/devices';
import type { deviceChannels } from '../../../shared/contract/device-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import { createDiagnostics } from '../diagnostics/device-diagnostics';
import { createDeviceHandlers } from './device-handlers';
import type { TrackedAuth } from './enrollment-tracker';

export interface DeviceModule extends Capability {
  readonly handlers: HandlersFor<typeof deviceChannels>;
}

/** The device's own standing for staff and IT: enrollment, the last heartbeat, and IT's diagnostics. */
export function createDeviceModule(deps: {
  config: DeviceConfig;
  dataDir: string;
  auth: TrackedAuth | null;
  lastHeartbeatAt: () => Date | null;
  /** What the heartbeat reports is also what IT sees in the diagnostics view: one builder for both. */
  health: () => Promise<Heartbeat>;
  schemaVersion: () => number | null;
}): DeviceModule {
  const diagnostics = createDiagnostics({ config: deps.config, dataDir: deps.dataDir, health: deps.health, schemaVersion: deps.schemaVersion });
  return { name: 'device', handlers: createDeviceHandlers(deps.auth, deps.lastHeartbeatAt, diagnostics) };
}
