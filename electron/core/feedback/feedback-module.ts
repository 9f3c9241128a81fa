import type { feedbackChannels } from '../../../shared/contract/feedback-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import { serviceDay } from '../requests/service-day';
import type { DeviceStore } from '../store/open-device-store';
import { feedbackCounts } from './feedback-counts';

export interface FeedbackModule extends Capability {
  readonly handlers: HandlersFor<typeof feedbackChannels>;
}

/** How many visit ids the module remembers; a kiosk has far fewer visits in a day. */
const rememberedVisits = 5_000;

/**
 * "Hoe was je bezoek?": one answer per visit, counted per service the visit used (a visit that
 * used none counts as "information"). The visit id lives in memory only, never in the database,
 * so a count cannot be tied back to a visit; the screen never asks twice, and a screen that does
 * anyway is not counted twice.
 */
export function createFeedbackModule(deps: { store: DeviceStore; clock: Clock }): FeedbackModule {
  const seen = new Set<string>();
  return {
    name: 'feedback',
    handlers: {
      'feedback.give': ({ visit, rating, services }) => {
        if (seen.has(visit)) return { counted: false };
        if (seen.size >= rememberedVisits) seen.clear();
        seen.add(visit);
        const day = serviceDay(deps.clock.now());
        const used = services.length === 0 ? ['information'] : [...new Set(services)];
        const repo = feedbackCounts(deps.store.db);
        deps.store.db.transaction(() => used.forEach((service) => repo.add(day, service, rating)))();
        return { counted: true };
      },
    },
  };
}
