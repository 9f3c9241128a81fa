import type { Database } from 'better-sqlite3';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { deskChannels } from '../../../shared/contract/desk-channels';
import { staffChannels } from '../../../shared/contract/staff-channels';
import type { QueuePace } from '../../../shared/hub/kiosk-status';
import type { StaffRole } from '../../../shared/staff/staff-role';
import type { HandlersFor } from '../bridge/handlers';
import type { FieldCipher } from '../crypto/field-cipher';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import { dutchCalendarDay } from '../eligibility/eligibility-handlers';
import { createVoucherRequests } from '../requests/voucher-requests';
import { createStaffHandlers } from '../staff/staff-handlers';
import { provisionItStaff } from '../staff/it-provisioning';
import { createStaffService } from '../staff/staff-service';
import { createHubIngest } from '../hub/hub-ingest';
import { createHubKiosks } from '../hub/hub-kiosks';
import { hubPsk } from '../hub/hub-psk';
import { startHubServer, type HubServer } from '../hub/hub-server';
import { serviceDay } from '../requests/service-day';
import { createAttentionActions } from './attention-actions';
import { readDailyStats } from './daily-stats';
import { deskStartRequest } from './desk-start';
import { queueFinishedDays } from './statistics-sender';
import { createQueue } from './queue';
import { createRequestDesk } from './request-desk';
import { createSubjectAccess } from './subject-access';

/** The parts of the device store the desk builds on. */
export interface DeskStore {
  db: Database;
  cipher: FieldCipher;
  outbox: Outbox;
  now: () => Date;
  /** Where the final receipt is stored, in the completion's transaction. */
  receipts?: ReceiptWriter;
  /** Tells the sync worker there is something new to send. */
  nudge(): void;
}

type DeskHandlers = HandlersFor<typeof staffChannels> & HandlersFor<typeof deskChannels>;

/**
 * The counter desk on top of the store: staff sign-in, the queue and request completion. Without
 * a store (it could not be opened) every desk channel answers `unavailable` with the reason the
 * store gave at start, and nobody counts as signed in.
 */
export interface DeskStack {
  handlers: DeskHandlers;
  staffRole(): StaffRole | null;
  /** The desk's pace today; null without a device database. */
  pace(): QueuePace | null;
  close(): Promise<void>;
}

export interface DeskStackOptions {
  store: DeskStore | null;
  config: DeviceConfig;
  logger: Logger;
  /** The active content pack: its eligibility rules and providers check a request started at the desk. */
  content: () => ContentPack | null;
}

export function createDeskStack(options: DeskStackOptions): DeskStack {
  const { store, config } = options;
  if (!store) {
    const unavailable = (): never => {
      throw new CoreError('unavailable', 'The device database is not available, so the desk cannot work. Ask IT for help.');
    };
    const handlers = Object.fromEntries(Object.keys({ ...staffChannels, ...deskChannels }).map((name) => [name, unavailable])) as unknown as DeskHandlers;
    return { handlers, staffRole: () => null, pace: () => null, close: async () => undefined };
  }
  const { db, cipher, outbox } = store;
  const now = () => store.now().getTime();
  if (config.role === 'counter') provisionItStaff(db, config.itStaff, store.now(), options.logger);
  const staff = createStaffService({ db, autoLockSeconds: config.deskAutoLockSeconds, now });
  const queue = createQueue(db, store.now);
  const requests = createRequestDesk({ db, cipher, outbox, locationId: config.location.id, now: store.now, receipts: store.receipts });
  // The kiosk's path for a new request, without its receipt writer: see voucher-requests.ts.
  const vouchers = createVoucherRequests({ db, cipher, outbox, config, now: store.now });
  const me = () => staff.current().id;
  const privacy = createSubjectAccess(db, requests, store.now);
  const attention = createAttentionActions({ db, cipher, outbox, now: store.now });
  // The location's statistics come from its hub (a kiosk that forwards to one counts nothing of its own),
  // checked at start and every hour so yesterday goes out the first time the device runs today.
  const sendsStatistics = !(config.role === 'kiosk' && config.hub?.url);
  const queueStatistics = (): void => {
    try {
      if (queueFinishedDays(db, outbox, config.location.id, store.now()).length) store.nudge();
    } catch (err) {
      options.logger.error('daily statistics could not be queued; the next hour tries again', { error: err instanceof Error ? err.message : 'unknown' });
    }
  };
  const statisticsTimer = sendsStatistics ? setInterval(queueStatistics, 60 * 60_000) : null;
  statisticsTimer?.unref();
  if (sendsStatistics) queueStatistics();
  const hubConfig = config.role === 'counter' && config.hub && !config.hub.url ? config.hub : null;
  let listening: HubServer | null = null;
  const kiosks = createHubKiosks(db, { ownPrefix: config.ticketPrefix });
  const hub: Promise<HubServer | null> = hubConfig
    ? startHubServer({
        host: hubConfig.listenHost,
        port: hubConfig.port,
        psk: hubPsk(hubConfig.locationKey, config.location.id),
        locationId: config.location.id,
        ingest: createHubIngest({ db, cipher, outbox, kiosks, locationId: config.location.id, now: store.now }).ingest,
        onIngested: () => store.nudge(),
        kiosks,
        now: store.now,
        pace: () => queue.pace(),
        logger: options.logger.child({ part: 'hub' }),
      })
        .then((server) => (listening = server))
        .catch((err: unknown) => {
        options.logger.error('location hub could not start; kiosks keep their messages until it does', { error: err instanceof Error ? err.message : 'unknown' });
        return null;
      })
    : Promise.resolve(null);
  const hubStatus = () => ({ mode: hubConfig ? ('hub' as const) : ('standalone' as const), listening: listening !== null, kiosks: kiosks.list(store.now()) });
  return {
    staffRole: () => staff.currentRole(),
    pace: () => queue.pace(),
    close: async () => {
      if (statisticsTimer) clearInterval(statisticsTimer);
      await (await hub)?.close();
    },
    handlers: {
      ...createStaffHandlers(staff),
      'queue.list': () => queue.list(),
      'queue.status': () => queue.nowServing(),
      'queue.callNext': () => queue.callNext(me()),
      'queue.close': (input) => queue.close(input.id, input.outcome, me()),
      'request.find': (input) => requests.find(input.reference, me()),
      'request.complete': (input) => {
        const result = requests.complete(input.reference, input.identityDocument, input.bsn, me());
        store.nudge();
        return result;
      },
      'request.startAtDesk': (input) => {
        const at = store.now();
        const started = vouchers.start(deskStartRequest(input, options.content(), dutchCalendarDay(at), at), { origin: 'desk', staffId: me() });
        store.nudge();
        return requests.view(started.reference);
      },
      'request.cancel': (input) => requests.cancel(input.reference, input.reason, me()),
      'attention.resend': (input) => {
        const result = attention.resend(input.outboxId, input.contact, me());
        store.nudge();
        return result;
      },
      'attention.cancel': (input) => attention.cancel(input.outboxId, input.reason, me()),
      'privacy.find': (input) => privacy.find(input.reference, me()),
      'privacy.export': (input) => privacy.export(input.reference, me()),
      'privacy.print': (input) => privacy.print(input.reference, me()),
      'privacy.erase': (input) => privacy.erase(input.reference, input.reason, me()),
      'stats.daily': (input) => readDailyStats(db, input.day ?? serviceDay(store.now())),
      'hub.status': () => hubStatus(),
      'hub.approve': (input) => {
        kiosks.approve(input.identity, input.install, me(), store.now());
        return hubStatus();
      },
    },
  };
}
