import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { Database } from 'better-sqlite3';
import type { KeyProvider } from '../crypto/key-provider';
import { offeredCode } from '../enrollment/offered-code';
import { trackEnrollment, type TrackedAuth } from '../enrollment/enrollment-tracker';
import type { DeskStore } from '../desk/desk-stack';
import { createHubClient, type HubClient } from '../hub/hub-client';
import { createHubNumbering } from '../hub/hub-numbering';
import { hubIdentity, hubPsk } from '../hub/hub-psk';
import { HubAck } from '../../../shared/hub/hub-message';
import { serviceDay } from './service-day';
import { purgeBsn } from '../desk/request-desk';
import type { Logger } from '../log/logger';
import { createOutbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import { openDeviceStore, type DeviceStore } from '../store/open-device-store';
import { StoreError } from '../store/store-error';
import { createCentralClient } from '../sync/central-client';
import { createDeviceAuth } from '../sync/device-auth';
import { idleProgress, readSyncStatus } from '../sync/sync-status';
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from '../sync/sync-worker';
import { markVoucherAcked, purgePersonalData } from './purge';
import { createRequestsHandlers, type RequestServicesOrError } from './requests-handlers';
import { createTickets, type TicketDeps } from './tickets';
import { createVoucherRequests } from './voucher-requests';

/** Worker settings a test or benchmark may shorten; production uses the defaults. */
export type SyncTuning = Pick<SyncWorkerOptions, 'maxInFlight' | 'baseDelayMs' | 'capDelayMs' | 'circuitThreshold' | 'probeBaseMs' | 'idlePollMs' | 'random'> & {
  requestTimeoutMs?: number;
};

export interface RequestsStackOptions {
  dataDir: string;
  keyProvider: KeyProvider;
  config: DeviceConfig;
  appVersion: string;
  logger: Logger;
  now?: () => Date;
  /** Where a one-time enrollment code comes from; default: the file `enrollment-code` in dataDir, put there by IT. */
  enrollmentCode?: () => Promise<string | null>;
  syncTuning?: SyncTuning;
  /** Printing, given the open database: its print jobs are written in the requests' transactions. */
  receipts?: (db: Database) => ReceiptWriter;
  /** The waiting-time estimate for a new ticket (see tickets.ts); none without it. */
  expectedWait?: TicketDeps['expectedWait'];
}

export interface QueueDepth {
  /** Rows still to be sent, waiting or in flight. */
  queued: number;
  needsAttention: number;
  oldestPendingAt: string | null;
}

const purgeEveryMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

function enrollmentCodeFile(dataDir: string): () => Promise<string | null> {
  const file = join(dataDir, 'enrollment-code');
  return async () => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null);
}

/**
 * The store and everything on it, composed once. A database that cannot be opened does not stop
 * the app: browsing and information keep working and the request channels say why they cannot.
 */
export function createRequestsStack(options: RequestsStackOptions) {
  const { logger, config } = options;
  const now = options.now ?? (() => new Date());
  let store: DeviceStore | null = null;
  let worker: SyncWorker | null = null;
  let purgeTimer: NodeJS.Timeout | null = null;
  let access: RequestServicesOrError;
  let auth: TrackedAuth | null = null;
  let queue: () => QueueDepth | null = () => null;
  let hub: HubClient | null = null;
  let numbering: ReturnType<typeof createHubNumbering> | null = null;
  let deskStore: DeskStore | null = null;
  try {
    store = openDeviceStore(options.dataDir, options.keyProvider);
    const { db, cipher } = store;
    const outbox = createOutbox(db, cipher);
    if (config.role === 'kiosk' && config.hub?.url) {
      // A kiosk of a location with a hub sends to the hub; the hub forwards to the central API.
      const tuning = options.syncTuning ?? {};
      const series = createHubNumbering(db);
      numbering = series;
      const identity = hubIdentity(config.location.id, config.ticketPrefix, series.installId());
      const client = createHubClient({ url: config.hub.url, psk: hubPsk(config.hub.locationKey, config.location.id), identity, appVersion: options.appVersion, requestTimeoutMs: tuning.requestTimeoutMs ?? 10_000, now });
      hub = client;
      worker = createSyncWorker({
        ...tuning,
        outbox,
        client,
        auth: { token: () => null, renew: async () => false },
        logger: logger.child({ part: 'sync-to-hub' }),
        now,
        onAcked: (message, receipt, at) => {
          if (message.kind === 'voucher-request.submit') markVoucherAcked(db, message.aggregateId, at);
          const ack = HubAck.safeParse(receipt);
          if (message.kind === 'ticket.record' && ack.success && ack.data.number !== undefined) {
            const { serviceDay: day } = message.body as { serviceDay: string };
            series.renumbered(message.aggregateId, message.reference, ack.data.number, day, at);
          }
        },
      });
    } else if (config.centralApiUrl) {
      const tuning = options.syncTuning ?? {};
      const client = createCentralClient({ baseUrl: config.centralApiUrl, requestTimeoutMs: tuning.requestTimeoutMs ?? 15_000 });
      const codes = offeredCode(options.enrollmentCode ?? enrollmentCodeFile(options.dataDir));
      // A fresh token is worth using at once: the queue kept during "not enrolled" goes out now.
      auth = trackEnrollment(createDeviceAuth({ db, cipher, client, config, appVersion: options.appVersion, logger, enrollmentCode: codes.take }), codes, () => worker?.nudge());
      worker = createSyncWorker({
        ...tuning,
        outbox,
        client,
        auth,
        logger: logger.child({ part: 'sync' }),
        now,
        onAcked: (message, _receipt, at) => {
          if (message.kind === 'voucher-request.submit') markVoucherAcked(db, message.aggregateId, at);
          if (message.kind === 'voucher-request.complete') purgeBsn(db, message.aggregateId, at);
        },
      });
    } else {
      logger.info('no central API configured: requests are kept on this device until one is');
    }
    const retentionMs = config.personalDataRetentionDays * dayMs;
    const purge = (): void => {
      const purged = purgePersonalData(db, now(), retentionMs);
      if (purged > 0) logger.info('purged personal data of acknowledged requests', { requests: purged });
    };
    purge();
    purgeTimer = setInterval(purge, purgeEveryMs);
    purgeTimer.unref();
    const sync = worker;
    queue = () => {
      const status = readSyncStatus(outbox, sync?.progress ?? idleProgress);
      return { queued: status.queued + status.inFlight, needsAttention: status.needsAttention.length, oldestPendingAt: outbox.counts().oldestPendingAt };
    };
    const receipts = options.receipts?.(db);
    // A new row is worth sending now rather than at the worker's next poll; so is its receipt.
    const thenSync = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      const result = fn(...args);
      sync?.nudge();
      receipts?.committed();
      return result;
    };
    const vouchers = createVoucherRequests({ db, cipher, outbox, config, now, receipts });
    const series = numbering;
    const tickets = createTickets({ db, outbox, config, now, receipts, expectedWait: options.expectedWait, numberFloor: series ? (day) => series.floor(day) : undefined });
    const hubForTickets = hub;
    deskStore = { db, cipher, outbox, now, receipts, nudge: () => sync?.nudge() };
    access = {
      ok: true,
      services: {
        outbox,
        vouchers: { start: thenSync(vouchers.start) },
        tickets: { take: thenSync(tickets.take) },
        progress: worker?.progress ?? idleProgress,
        ...(series && hubForTickets ? { beforeTicket: () => series.confirm(hubForTickets, serviceDay(now())), hubLink: () => hubForTickets.link() } : {}),
      },
    };
    worker?.start();
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    logger.error('device database unavailable', { problem: err.problem, file: err.file, detail: err.message });
    access = { ok: false, error: err };
  }
  const opened = store;
  const running = worker;
  const deviceAuth = auth;
  const hubClient = hub;
  return {
    /** The device's credentials for other calls to the central API (content download, heartbeat); null without one. */
    deviceAuth,
    handlers: createRequestsHandlers(access, logger),
    /** Queue depth for the heartbeats; null when the database is unavailable. */
    queue: () => queue(),
    /** A kiosk's way to its location hub (for its heartbeat there); null on a device that talks to the central API itself. */
    hubClient,
    /** What the counter desk builds on; null when the store could not be opened. */
    deskStore,
    /** The shell calls this when the OS reports the network is back; the worker then probes at once. */
    networkChanged: () => running?.nudge(),
    close: async () => {
      if (purgeTimer) clearInterval(purgeTimer);
      await running?.stop();
      opened?.close();
    },
  };
}
