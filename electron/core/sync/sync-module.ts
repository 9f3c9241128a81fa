import type { syncChannels } from '../../../shared/contract/sync-channels';
import type { HubLink } from '../../../shared/hub/hub-link';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { Outbox, PendingMessage } from '../outbox/outbox';
import { idleProgress, readSyncStatus, type SyncProgress } from './sync-status';
import { createSyncWorker, type SyncAuth, type SyncWorkerOptions } from './sync-worker';

/** Worker settings a test or benchmark may shorten; production uses the defaults. */
export type SyncTuning = Pick<SyncWorkerOptions, 'maxInFlight' | 'baseDelayMs' | 'capDelayMs' | 'circuitThreshold' | 'probeBaseMs' | 'idlePollMs' | 'random' | 'resumeWindowMs'> & {
  requestTimeoutMs?: number;
};

export interface QueueDepth {
  /** Rows still to be sent, waiting or in flight. */
  queued: number;
  needsAttention: number;
  oldestPendingAt: string | null;
  oldestPendingAgeSeconds: number | null;
}

/** Where the outbox goes: the central API with the device token, or a kiosk's location hub. */
export interface SyncTransport {
  client: SyncWorkerOptions['client'];
  auth: SyncAuth;
  /** Names the worker in the log. */
  part: 'sync' | 'sync-to-hub';
  /** How the link to a hub is doing, for the kiosk's sync status; absent for the central API. */
  link?: () => HubLink;
  /** Longest wait between health probes during an outage; default the backoff cap (5 minutes). */
  probeCapMs?: number;
}

export interface SyncModule extends Capability {
  readonly handlers: HandlersFor<typeof syncChannels>;
  readonly progress: SyncProgress;
  /** Something new is in the outbox (or the network is back): send now rather than at the next poll. */
  nudge(): void;
  /**
   * The other side answered (a heartbeat got through): after an outage, stop waiting out the
   * backoff and send at once. A network being there says less than the other side answering.
   */
  reachable(): void;
  queueDepth(): QueueDepth;
  /** A listener runs inside the transaction that marks a message acknowledged, so its own write commits with the ack. */
  onAcked(listener: (message: PendingMessage, at: Date, receipt: unknown) => void): void;
}

/**
 * Sends the outbox. Without a transport (no central API configured, no hub) nothing is sent and
 * everything stays queued on the device until one is configured; the status still tells staff so.
 */
export function createSyncModule(deps: { outbox: Outbox; transport: SyncTransport | null; logger: Logger; clock: Clock; tuning?: SyncTuning }): SyncModule {
  const { outbox, transport, clock } = deps;
  const acked: ((message: PendingMessage, at: Date, receipt: unknown) => void)[] = [];
  const worker = transport
    ? createSyncWorker({
        ...(transport.probeCapMs === undefined ? {} : { probeCapMs: transport.probeCapMs }),
        ...deps.tuning,
        outbox,
        client: transport.client,
        auth: transport.auth,
        logger: deps.logger.child({ part: transport.part }),
        clock,
        onAcked: (message, receipt, at) => acked.forEach((listener) => listener(message, at, receipt)),
      })
    : null;
  if (!worker) deps.logger.info('no central API configured: requests are kept on this device until one is');
  const progress = worker?.progress ?? idleProgress;
  return {
    name: 'sync',
    progress,
    handlers: { 'sync.status': () => ({ ...readSyncStatus(outbox, progress, clock.now()), hubLink: transport?.link?.() ?? null }) },
    nudge: () => worker?.nudge(),
    reachable: () => worker?.reachable(),
    queueDepth: () => {
      const status = readSyncStatus(outbox, progress, clock.now());
      return {
        queued: status.queued + status.inFlight,
        needsAttention: status.needsAttention.length,
        oldestPendingAt: outbox.counts().oldestPendingAt,
        oldestPendingAgeSeconds: status.oldestPendingAgeSeconds,
      };
    },
    onAcked: (listener) => void acked.push(listener),
    start: () => worker?.start(),
    close: () => worker?.stop(),
  };
}
