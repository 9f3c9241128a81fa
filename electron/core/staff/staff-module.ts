import type { DeviceConfig } from '../../../shared/config/device-config';
import type { staffChannels } from '../../../shared/contract/staff-channels';
import type { StaffRole } from '../../../shared/staff/staff-role';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { DeviceStore } from '../store/open-device-store';
import { provisionItStaff } from './it-provisioning';
import { createStaffHandlers } from './staff-handlers';
import { createStaffService, type StaffService } from './staff-service';

export interface StaffModule extends Capability {
  readonly handlers: HandlersFor<typeof staffChannels>;
  readonly service: StaffService;
  /** The role of the person signed in at the desk, or null. */
  role(): StaffRole | null;
  /** The signed-in person's id, for audit rows; throws when nobody is signed in. */
  me(): string;
}

/** Staff accounts of the counter, PIN sign-in with lockout, and IT's accounts from the device config. */
export function createStaffModule(deps: { store: DeviceStore; config: DeviceConfig; logger: Logger; now: () => Date }): StaffModule {
  const { store, config } = deps;
  const service = createStaffService({ db: store.db, autoLockSeconds: config.deskAutoLockSeconds, now: () => deps.now().getTime() });
  return {
    name: 'staff',
    service,
    handlers: createStaffHandlers(service),
    role: () => service.currentRole(),
    me: () => service.current().id,
    // The config is IT's word at every start: accounts added, changed or removed there apply now.
    start: () => provisionItStaff(store.db, config.itStaff, deps.now(), deps.logger),
  };
}
