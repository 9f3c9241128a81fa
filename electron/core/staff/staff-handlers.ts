import type { staffChannels } from '../../../shared/contract/staff-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { StaffService } from './staff-service';

export function createStaffHandlers(staff: StaffService): HandlersFor<typeof staffChannels> {
  return {
    'staff.session': () => staff.session(),
    'staff.setup': (input) => staff.setup(input),
    'staff.signIn': (input) => staff.signIn(input),
    'staff.signOut': () => staff.signOut(),
    'staff.lock': () => staff.lock(),
    'staff.touch': () => staff.touch(),
    'staff.members': () => staff.members(),
    'staff.add': (input) => staff.add(input),
    'staff.remove': (input) => staff.remove(input.id),
    'staff.resetPin': (input) => staff.resetPin(input.id, input.pin),
  };
}
