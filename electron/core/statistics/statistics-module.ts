import { publishDailyStats } from '../../../shared/stats/published-stats';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { deskChannels } from '../../../shared/contract/desk-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock, Timer } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import { serviceDay } from '../requests/service-day';
import type { DeviceStore } from '../store/open-device-store';
import { readDailyStats } from './daily-stats';
import { queueFinishedDays } from './statistics-sender';

export interface StatisticsModule extends Capability {
  readonly handlers: Pick<HandlersFor<typeof deskChannels>, 'stats.daily'>;
}

const checkEveryMs = 60 * 60_000;

/**
 * The location's daily counts, for the desk and for the central API (one message per finished
 * service day, counts only). A kiosk that forwards to a hub sends nothing itself: the hub has its
 * tickets and requests, and its own counts (invitations, feedback) come with its heartbeat
 * (hub/kiosk-counts-report.ts); a day goes out once every kiosk has closed it. Checked at start,
 * every hour and when a kiosk reports, so yesterday goes out the first time the device runs today.
 */
export function createStatisticsModule(deps: {
  store: DeviceStore;
  outbox: Outbox;
  config: DeviceConfig;
  logger: Logger;
  clock: Clock;
  nudge: () => void;
  /** The hub's kiosks report their own counts: a day that waited for them may go out now. */
  kioskCounts?: { onCountsReported(listener: () => void): void };
}): StatisticsModule {
  const { store, config } = deps;
  const sends = !(config.role === 'kiosk' && config.hub?.url);
  const queueStatistics = (): void => {
    try {
      if (queueFinishedDays(store.db, deps.outbox, config.location.id, deps.clock.now()).length) deps.nudge();
    } catch (err) {
      deps.logger.error('daily statistics could not be queued; the next hour tries again', { error: err instanceof Error ? err.message : 'unknown' });
    }
  };
  let timer: Timer | null = null;
  let started = false;
  deps.kioskCounts?.onCountsReported(() => {
    if (started && sends) queueStatistics();
  });
  return {
    name: 'statistics',
    handlers: { 'stats.daily': (input) => publishDailyStats(readDailyStats(store.db, input.day ?? serviceDay(deps.clock.now()))) },
    start: () => {
      if (!sends) return;
      started = true;
      queueStatistics();
      timer = deps.clock.setInterval(queueStatistics, checkEveryMs);
    },
    close: () => {
      started = false;
      timer?.cancel();
    },
  };
}
