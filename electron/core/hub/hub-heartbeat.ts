import type { EraseOrder, KioskStatusReport, QueuePace } from '../../../shared/hub/kiosk-status';
import type { Clock } from '../clock/clock';
import type { Logger } from '../log/logger';
import { schedulePeriodic } from '../sync/periodic';
import type { HubClient } from './hub-client';

export interface HubHeartbeat {
  /** Sends the kiosk's state now (joining a send already under way); true when the hub stored it. */
  sendNow(): Promise<boolean>;
  /** Something the report carries changed: send soon, and once more if a send already under way was built before the change. */
  changed(): void;
  /** The desk's pace from the hub's latest answer, with when it came; null before any or when it is too old to go by. */
  pace(now: Date): { pace: QueuePace; at: Date } | null;
  stop(): void;
}

/**
 * The kiosk's state to its hub: soon after start, every `everyMs`, and whenever the caller asks
 * (its printer changed state). Deliberately outside the outbox and the sync worker: a heartbeat
 * that fails is not queued or retried (the next one says more), and it never holds up a ticket.
 */
export function createHubHeartbeat(options: {
  client: Pick<HubClient, 'reportStatus'>;
  build: () => Promise<KioskStatusReport>;
  logger: Logger;
  firstAfterMs: number;
  everyMs: number;
  /** The hub's answer carried erase orders: carry them out before this send counts as done. */
  onEraseOrders?: (orders: EraseOrder[]) => Promise<void>;
  /** The core's clock: the heartbeat's timers, and the time `pace(now)` compares against. */
  clock: Clock;
}): HubHeartbeat {
  const log = options.logger.child({ area: 'hub-heartbeat' });
  // Log when reaching the hub starts or stops working, not every 30 seconds while it is down.
  let failing = false;
  let stale = false;
  let latest: { pace: QueuePace; at: Date } | null = null;
  const send = async (): Promise<boolean> => {
    stale = false;
    let outcome;
    try {
      outcome = await options.client.reportStatus(await options.build());
    } catch (err) {
      outcome = { sent: false as const, reason: err instanceof Error ? err.message : 'unknown' };
    }
    if (!outcome.sent && !failing) log.warn('the hub did not take the kiosk status; the next heartbeat tries again', { reason: outcome.reason.slice(0, 200) });
    if (outcome.sent && failing) log.info('the hub takes the kiosk status again');
    failing = !outcome.sent;
    if (outcome.sent) latest = outcome.pace && { pace: outcome.pace, at: options.clock.now() };
    if (outcome.sent && outcome.erase?.length && options.onEraseOrders) {
      try {
        await options.onEraseOrders(outcome.erase);
      } catch (err) {
        log.error('an erase order from the hub could not be carried out; the next heartbeat brings it again', { error: err instanceof Error ? err.name : 'unknown' });
      }
    }
    return outcome.sent;
  };
  const schedule = schedulePeriodic(send, options, options.clock);
  return {
    sendNow: schedule.now,
    changed: () => {
      stale = true;
      void schedule.now().then(() => (stale ? schedule.now() : undefined));
    },
    // Two missed heartbeats and the pace is old news: better no estimate than a wrong one.
    pace: (now) => (latest && now.getTime() - latest.at.getTime() <= 2 * options.everyMs ? latest : null),
    stop: schedule.stop,
  };
}
