import type { staffChannels } from '../../../shared/contract/staff-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { StaffService } from './staff-service';

export function createStaffHandlers(staff: StaffService): HandlersFor<typeof staffChannels> {
  return {
    'staff.session': (_input, ctx) => staff.session(ctx.client),
    'staff.setup': (input, ctx) => staff.setup(input, ctx.client),
    'staff.signIn': (input, ctx) => staff.signIn(input, ctx.client),
    'staff.signOut': (_input, ctx) => staff.signOut(ctx.client),
    'staff.lock': (_input, ctx) => staff.lock(ctx.client),
    'staff.touch': (_input, ctx) => staff.touch(ctx.client),
    'staff.members': () => staff.members(),
    'staff.add': (input, ctx) => staff.add(input, ctx.client),
    'staff.remove': (input, ctx) => staff.remove(input.id, ctx.client),
    'staff.resetPin': (input, ctx) => staff.resetPin(input.id, input.pin, ctx.client),
  };
}
