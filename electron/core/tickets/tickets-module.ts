import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { isTicketTopic, otherTicketTopic } from '../../../shared/domain/ticket-topic';
import { CoreError } from '../errors';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import type { HandlersFor } from '../bridge/handlers';
import type { requestsChannels } from '../../../shared/contract/requests-channels';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { DeviceStore } from '../store/open-device-store';
import { storeWrite } from '../store/store-write';
import type { Clock, Timer } from '../clock/clock';
import { startDemoDesk } from './demo-desk';
import { createQueue, type Queue } from './queue';
import { createTickets, type Tickets } from './tickets';
import { expectedWaitMinutes } from './wait-estimate';

export interface TicketsModule extends Capability {
  readonly handlers: Pick<HandlersFor<typeof requestsChannels>, 'ticket.take' | 'ticket.queue'>;
  readonly tickets: Tickets;
  /** Today's walk-in queue, whichever kiosk printed the tickets. */
  readonly queue: Queue;
}

/**
 * The screen's topic is re-checked against the pack the desk shows its words from, so the queue
 * never holds a topic nobody can name. Without a pack there is nothing to check against: the device
 * still hands out tickets, as it did before its first pack arrived.
 */
function checkTopic(pack: ContentPack | null, topic: string): void {
  if (!pack) return;
  const known = pack.topics.map((t) => t.id);
  if (isTicketTopic(topic, known)) return;
  throw new CoreError('invalid_input', `The content pack has no topic "${topic}".`, [{ path: 'topic', message: `expected one of ${[...known, otherTicketTopic].join(', ')}` }]);
}

/**
 * Queue tickets and the walk-in queue. A ticket's waiting time comes from the desk's pace: on a
 * kiosk as its hub last answered it (plus the tickets this kiosk gave out since), on the counter
 * from its own queue.
 */
export function createTicketsModule(deps: {
  store: DeviceStore;
  outbox: Outbox;
  config: DeviceConfig;
  logger: Logger;
  now: () => Date;
  receipts: ReceiptWriter | undefined;
  /** A new ticket is in the outbox. */
  nudge: () => void;
  /** A kiosk's last word from its hub on the desk's pace; absent on a device without a hub link. */
  heardPace?: (at: Date) => { pace: QueuePace; at: Date } | null;
  /** A kiosk with a hub: the numbers the hub confirmed today, and the question it asks before the day's first ticket. */
  hubNumbering?: { floor(day: string): number; beforeTicket(): Promise<void> };
  /** The active content pack: a ticket's topic must be one of its topics. */
  pack: () => ContentPack | null;
  /** A demo kiosk on its own: the simulated desk calls its queue on this clock (demo-desk.ts). */
  demoDesk?: { clock: Clock };
}): TicketsModule {
  const { store, config } = deps;
  const queue = createQueue(store.db, deps.now);
  const { heardPace, hubNumbering } = deps;
  const tickets = createTickets({
    db: store.db,
    outbox: deps.outbox,
    config,
    now: deps.now,
    receipts: deps.receipts,
    numberFloor: hubNumbering?.floor,
    toHub: hubNumbering !== undefined,
    queueAt: (at, takenHereSince) => {
      const heard = heardPace?.(at);
      const pace = heard ? { ...heard.pace, waiting: heard.pace.waiting + takenHereSince(heard.at) } : config.role === 'counter' ? queue.pace() : null;
      return pace && { waiting: pace.waiting, expectedWaitMinutes: expectedWaitMinutes(pace) };
    },
  });
  let demoDesk: Timer | null = null;
  return {
    name: 'tickets',
    tickets,
    queue,
    start: () => {
      if (deps.demoDesk) demoDesk = startDemoDesk({ queue, clock: deps.demoDesk.clock, logger: deps.logger });
    },
    close: () => demoDesk?.cancel(),
    handlers: {
      'ticket.take': async (input) => {
        checkTopic(deps.pack(), input.topic);
        await hubNumbering?.beforeTicket();
        const taken = storeWrite(deps.logger, 'ticket.take', () => tickets.take(input.topic, input.language, input.scanAreas));
        // Worth sending now rather than at the worker's next poll; so is its receipt.
        deps.nudge();
        deps.receipts?.committed();
        return taken;
      },
      'ticket.queue': () => tickets.queueNow(),
    },
  };
}
