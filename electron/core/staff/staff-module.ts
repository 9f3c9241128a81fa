import type { DeviceConfig } from '../../../shared/config/device-config';
import type { staffChannels } from '../../../shared/contract/staff-channels';
import type { StaffRole } from '../../../shared/staff/staff-role';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { DeviceStore } from '../store/open-device-store';
import { provisionItStaff } from './it-provisioning';
import { createStaffHandlers } from './staff-handlers';
import { createStaffService, type StaffService } from './staff-service';

export interface StaffModule extends Capability {
  readonly handlers: HandlersFor<typeof staffChannels>;
  readonly service: StaffService;
  /** The role of the person signed in at this client (a browser session, an Electron window), or null. */
  role(client: string): StaffRole | null;
  /** The id of the person signed in at this client, for audit rows; throws when nobody is. */
  me(client: string): string;
}

/** Staff accounts of the counter, PIN sign-in with lockout, and IT's accounts from the device config. */
export function createStaffModule(deps: { store: DeviceStore; config: DeviceConfig; logger: Logger; clock: Clock }): StaffModule {
  const { store, config } = deps;
  const service = createStaffService({ db: store.db, autoLockSeconds: config.deskAutoLockSeconds, now: () => deps.clock.now().getTime() });
  return {
    name: 'staff',
    service,
    handlers: createStaffHandlers(service),
    role: (client) => service.currentRole(client),
    me: (client) => service.current(client).id,
    // The config is IT's word at every start: accounts added, changed or removed there apply now.
    start: () => provisionItStaff(store.db, config.itStaff, deps.clock.now(), deps.logger),
  };
}
