import { kioskHeartbeatEveryMs, type EraseOrder, type KioskStatusReport, type QueuePace } from '../../../shared/hub/kiosk-status';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { PrintingModule } from '../printing/printing-module';
import type { DeviceStore } from '../store/open-device-store';
import type { SyncModule } from '../sync/sync-module';
import type { HubClient } from './hub-client';
import { createHubHeartbeat, type HubHeartbeat } from './hub-heartbeat';
import { createKioskCountsReporter } from './kiosk-counts-report';

export interface HubHeartbeatModule extends Capability {
  /** Null until the module has started. */
  heartbeat(): HubHeartbeat | null;
  /** The desk's pace as the hub last told it; null before the first answer or when it is too old. */
  pace(now: Date): { pace: QueuePace; at: Date } | null;
}

/**
 * The kiosk's printer and queue to its hub: at start, every 30 s, and at once when the printer
 * changes state. Each heartbeat the hub took is followed by the kiosk's own counts (invitation
 * visits, feedback) that the hub has not confirmed yet.
 */
export function createHubHeartbeatModule(deps: {
  client: HubClient;
  store: DeviceStore;
  printing: PrintingModule;
  sync: SyncModule;
  appVersion: string;
  logger: Logger;
  clock: Clock;
  /** Erases this kiosk's copies of the requests the hub names; answers the ones whose copies are gone. */
  eraseOrdered: (orders: readonly EraseOrder[]) => string[];
  timing?: { firstAfterMs: number; everyMs: number };
}): HubHeartbeatModule {
  let running: HubHeartbeat | null = null;
  const build = async (): Promise<KioskStatusReport> => {
    const queue = deps.sync.queueDepth();
    return {
      appVersion: deps.appVersion,
      printer: await deps.printing.service.status(),
      queue: { pending: queue.queued, needsAttention: queue.needsAttention, oldestPendingAt: queue.oldestPendingAt, oldestPendingAgeSeconds: queue.oldestPendingAgeSeconds },
    };
  };
  deps.printing.onStateChange(() => running?.changed());
  const reportCounts = createKioskCountsReporter({ db: deps.store.db, client: deps.client, oldestPendingAt: () => deps.sync.queueDepth().oldestPendingAt, now: () => deps.clock.now(), logger: deps.logger });
  // A status report the hub took proves the link works: the queue kept during an outage goes now,
  // not at the worker's next probe, which after a long outage is minutes away.
  const client: HubClient = {
    ...deps.client,
    reportStatus: async (report) => {
      const outcome = await deps.client.reportStatus(report);
      if (!outcome.sent) return outcome;
      deps.sync.reachable();
      try {
        await reportCounts();
      } catch (err) {
        deps.logger.error('the kiosk\'s counts could not be read for the hub; the next heartbeat tries again', { error: err instanceof Error ? err.message : 'unknown' });
      }
      return outcome;
    },
  };
  return {
    name: 'hub-heartbeat',
    heartbeat: () => running,
    pace: (now) => running?.pace(now) ?? null,
    start: () => {
      running = createHubHeartbeat({
        client,
        logger: deps.logger,
        clock: deps.clock,
        ...(deps.timing ?? { firstAfterMs: 2_000, everyMs: kioskHeartbeatEveryMs }),
        build,
        // An erase at the desk reaches this kiosk's copy in the hub's answer to the heartbeat; the
        // kiosk confirms once its copy is gone, and a lost confirmation brings the order again.
        onEraseOrders: async (orders) => {
          const erased = deps.eraseOrdered(orders);
          if (erased.length && !(await deps.client.confirmErased(erased))) {
            deps.logger.warn('the hub did not take the erase confirmation; the next heartbeat brings the order again', { orders: erased.length });
          }
        },
      });
    },
    close: () => running?.stop(),
  };
}
