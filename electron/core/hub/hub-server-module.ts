import type { DeviceConfig } from '../../../shared/config/device-config';
import type { deskChannels, HubKiosk } from '../../../shared/contract/desk-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import type { StaffModule } from '../staff/staff-module';
import type { DeviceStore } from '../store/open-device-store';
import { hubCounts } from './hub-counts';
import { createHubErasures, type HubErasures } from './hub-erasures';
import { createHubIngest } from './hub-ingest';
import { createHubKiosks } from './hub-kiosks';
import { hubPsk } from './hub-psk';
import { startHubServer, type HubServer } from './hub-server';

export interface HubServerModule extends Capability {
  readonly handlers: Pick<HandlersFor<typeof deskChannels>, 'hub.status' | 'hub.approve'>;
  /** Erase orders for the kiosks that hold copies of a request erased at the desk. */
  readonly erasures: HubErasures;
  /** For the counter's heartbeat: the kiosks the hub knows and the handshakes it refused since the central API last took one; null when standalone. */
  fleet(): { kiosks: HubKiosk[]; refusedConnections: number } | null;
  /** The central API took a heartbeat that carried this many refused handshakes. */
  refusalsReported(count: number): void;
  /** A kiosk's counts report was stored: the statistics may now send a day they waited for. */
  onCountsReported(listener: () => void): void;
}

/**
 * The counter as its location's hub: kiosks send their tickets, requests and status here over the
 * shop's LAN. A counter without hub settings is standalone; `hub.status` says which.
 */
export function createHubServerModule(deps: {
  store: DeviceStore;
  outbox: Outbox;
  config: DeviceConfig;
  logger: Logger;
  clock: Clock;
  /** Who approves a new or replaced kiosk at the desk. */
  staff: StaffModule;
  /** The desk's pace, sent back to kiosks for their waiting-time estimates. */
  pace: () => QueuePace;
  /** A kiosk's message is in the hub's outbox: forward it now. */
  onIngested: () => void;
  /** The counter's agenda, answered to the kiosks of the location. */
  agenda?: (op: string, body: unknown) => Promise<{ status: number; body: unknown }>;
}): HubServerModule {
  const { config, store } = deps;
  const now = (): Date => deps.clock.now();
  const hubConfig = config.hub && !config.hub.url ? config.hub : null;
  const kiosks = createHubKiosks(store.db, { ownPrefix: config.ticketPrefix });
  const erasures = createHubErasures(store.db);
  const log = deps.logger.child({ part: 'hub' });
  let listening: HubServer | null = null;
  let starting: Promise<HubServer | null> = Promise.resolve(null);
  // Counted in memory: a restart forgets refusals not yet reported, which only undercounts.
  let refused = 0;
  let reported = 0;
  const countsListeners: Array<() => void> = [];
  const hubStatus = () => ({ mode: hubConfig ? ('hub' as const) : ('standalone' as const), listening: listening !== null, kiosks: kiosks.list(now()) });
  return {
    name: 'hub-server',
    erasures,
    fleet: () => (hubConfig ? { kiosks: kiosks.list(now()), refusedConnections: refused - reported } : null),
    refusalsReported: (count) => {
      reported = Math.min(refused, reported + count);
    },
    onCountsReported: (listener) => void countsListeners.push(listener),
    handlers: {
      'hub.status': () => hubStatus(),
      'hub.approve': (input, ctx) => {
        kiosks.approve(input.identity, input.install, deps.staff.me(ctx.client), now());
        return hubStatus();
      },
    },
    start: () => {
      if (!hubConfig) return;
      starting = startHubServer({
        host: hubConfig.listenHost,
        port: hubConfig.port,
        psk: hubPsk(hubConfig.locationKey, config.location.id),
        locationId: config.location.id,
        ingest: createHubIngest({ db: store.db, cipher: store.cipher, outbox: deps.outbox, kiosks, locationId: config.location.id, now }).ingest,
        onIngested: deps.onIngested,
        kiosks,
        now,
        pace: deps.pace,
        erasures,
        counts: (kiosk, install, body) => {
          const ack = hubCounts(store.db).take(kiosk, install, body, now());
          for (const listener of countsListeners) listener();
          return ack;
        },
        agenda: deps.agenda,
        onRefusedHandshake: () => {
          refused += 1;
        },
        logger: log,
      })
        .then((server) => (listening = server))
        .catch((err: unknown) => {
          log.error('location hub could not start; kiosks keep their messages until it does', { error: err instanceof Error ? err.message : 'unknown' });
          return null;
        });
    },
    close: async () => {
      await (await starting)?.close();
    },
  };
}
