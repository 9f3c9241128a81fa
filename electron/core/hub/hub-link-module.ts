import type { DeviceConfig } from '../../../shared/config/device-config';
import { HubAck } from '../../../shared/hub/hub-message';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { PendingMessage } from '../outbox/outbox';
import { serviceDay } from '../requests/service-day';
import type { DeviceStore } from '../store/open-device-store';
import type { SyncTransport } from '../sync/sync-module';
import { createHubClient, type HubClient } from './hub-client';
import { createHubNumbering } from './hub-numbering';
import { hubIdentity, hubPsk } from './hub-psk';

const hubProbeCapMs = 10_000;

export interface HubLinkModule extends Capability {
  readonly client: HubClient;
  /** The kiosk's outbox goes to the hub, which forwards it to the central API under the same keys. */
  readonly transport: SyncTransport;
  /** The seq this kiosk numbers its tickets after today, at least (see hub-numbering.ts). */
  numberFloor(day: string): number;
  /** Before the day's first ticket: asks the hub for the day's numbering, waiting a bounded time. */
  beforeTicket(): Promise<void>;
  /** The hub acknowledged a message; a ticket it stored under another number moves this kiosk's numbering on. */
  acknowledged(message: PendingMessage, at: Date, receipt: unknown): void;
}

/**
 * A kiosk's link to its location hub (the counter) over the shop's LAN, TLS with the location key.
 * The kiosk names itself by location, ticket letter and this installation's id; the hub decides
 * from its own list whether it knows that kiosk.
 */
export function createHubLinkModule(deps: {
  store: DeviceStore;
  config: DeviceConfig;
  hubUrl: string;
  locationKey: string;
  appVersion: string;
  clock: Clock;
  requestTimeoutMs?: number;
}): HubLinkModule {
  const { config } = deps;
  const numbering = createHubNumbering(deps.store.db);
  const client = createHubClient({
    url: deps.hubUrl,
    psk: hubPsk(deps.locationKey, config.location.id),
    identity: hubIdentity(config.location.id, config.ticketPrefix, numbering.installId()),
    appVersion: deps.appVersion,
    requestTimeoutMs: deps.requestTimeoutMs ?? 10_000,
    now: () => deps.clock.now(),
  });
  return {
    name: 'hub-link',
    client,
    // The hub trusts a kiosk by its key and its enrollment, not by a token: nothing to renew.
    // The hub is on the shop's LAN and cheap to ask: a kiosk probes it at least every 10 s during an
    // outage, so when a counter comes back from a reboot its kiosks' queue reaches the desk within
    // seconds. (The central API keeps the long cap: 500+ shops must not hammer it when it returns.)
    transport: { client, auth: { token: () => null, renew: async () => false }, part: 'sync-to-hub', link: () => client.link(), probeCapMs: hubProbeCapMs },
    numberFloor: (day) => numbering.floor(day),
    beforeTicket: () => numbering.confirm(client, serviceDay(deps.clock.now())),
    acknowledged: (message, at, receipt) => {
      if (message.kind !== 'ticket.record') return;
      const ack = HubAck.safeParse(receipt);
      if (ack.success && ack.data.number !== undefined) {
        const { serviceDay: day } = message.body as { serviceDay: string };
        numbering.renumbered(message.aggregateId, message.reference, ack.data.number, day, at);
      }
    },
  };
}
