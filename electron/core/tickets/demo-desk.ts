import type { Clock, Timer } from '../clock/clock';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Queue } from './queue';

/** The pretend adviser of a demo kiosk: how they appear in the queue's calls and the audit. */
export const demoDeskStaffId = 'demo-desk';

/**
 * A demo kiosk has no desk, so it pretends one: once a minute the simulated adviser finishes the
 * visitor they called (served) and calls the next one through the queue's own rule, the same call
 * a real desk makes. So a checked-in appointment is called ahead of an earlier walk-in ticket in a
 * demo as at a shop, and the kiosk can tell the visitor it is their turn.
 */
export function startDemoDesk(deps: { queue: Queue; clock: Clock; logger: Logger; everyMs?: number }): Timer {
  const log = deps.logger.child({ part: 'demo-desk' });
  const callNext = (): void => {
    try {
      const current = deps.queue.list(demoDeskStaffId).find((t) => t.mine);
      deps.queue.callNext(demoDeskStaffId, current ? { id: current.id, outcome: 'served' } : undefined);
    } catch (err) {
      // Another call got there first (a conflict) or the store is down: the next minute tries again.
      log.warn('the simulated desk could not call the next visitor', { error: err instanceof CoreError ? err.code : err instanceof Error ? err.name : 'unknown' });
    }
  };
  return deps.clock.setInterval(callNext, deps.everyMs ?? 60_000);
}
