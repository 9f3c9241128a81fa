import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { kioskHeartbeatEveryMs } from '../../shared/hub/kiosk-status';
import { createAppHandlers } from './app/app-handlers';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handlers } from './bridge/handlers';
import { createContentHandlers } from './content/content-handlers';
import { createContentService, type ContentService, type UpdateSchedule } from './content/content-service';
import { createFileKeyProvider, type KeyProvider } from './crypto/key-provider';
import { createDiagnostics } from './diagnostics/device-diagnostics';
import { createDeviceHandlers } from './enrollment/device-handlers';
import { buildHeartbeat, diskFreeBytes } from './enrollment/heartbeat';
import { createHeartbeatSender, type HeartbeatSender } from './enrollment/heartbeat-sender';
import { createHubHeartbeat, type HubHeartbeat } from './hub/hub-heartbeat';
import { createEligibilityHandlers, dutchCalendarDay } from './eligibility/eligibility-handlers';
import type { Logger } from './log/logger';
import { schemaVersion } from './store/migrations';
import { createDeskStack } from './desk/desk-stack';
import { expectedWaitMinutes } from './desk/wait-estimate';
import { createPrintingHandlers } from './printing/printing-handlers';
import { createPrintingService, type PrintingService } from './printing/printing-service';
import { packDisplayNames } from './printing/pack-display-names';
import { createRequestsStack, type SyncTuning } from './requests/requests-stack';
import { createActivityMonitor, isPassiveChannel, type ActivityMonitor } from './updates/activity-monitor';
import { createUpdateHandlers } from './updates/update-handlers';
import { createUpdateService, type UpdateService } from './updates/update-service';
import type { UpdaterPort } from './updates/updater-port';

export interface CoreOptions {
  config: DeviceConfig;
  appVersion: string;
  /** Where the app's own read-only files live: the repo's resources/ or Electron's resourcesPath. */
  resourcesDir: string;
  /** Writable per-device directory (database, keys, logs). */
  dataDir: string;
  shell: 'electron' | 'browser';
  logger: Logger;
  /** electron-updater behind its adapter; the browser host has none. */
  updater?: UpdaterPort;
  /** Where the key for personal fields comes from; the Electron shell passes its safeStorage provider. Default: a 0600 key file in dataDir. */
  keyProvider?: KeyProvider;
  /** Where a one-time enrollment code for the central API comes from; default: the file `enrollment-code` in dataDir. */
  enrollmentCode?: () => Promise<string | null>;
  /** Shorter sync timings for tests and benchmarks. */
  syncTuning?: SyncTuning;
  /** The store's clock, for tests that cross a service day; the wall clock otherwise. */
  now?: () => Date;
  /** Heartbeat timing; default: first after 5 s (which also enrolls a new device), then every 5 minutes. */
  heartbeat?: { firstAfterMs: number; everyMs: number };
  /** A kiosk's heartbeat to its location hub; default: first after 2 s, then every 30 s. */
  hubHeartbeat?: { firstAfterMs: number; everyMs: number };
  /** When to check the central API for a new content pack; default every half hour. */
  contentUpdates?: UpdateSchedule;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  updates: UpdateService;
  activity: ActivityMonitor;
  /** Null without a central API or a device database. */
  heartbeat: HeartbeatSender | null;
  /** Null unless this is a kiosk that sends to a location hub. */
  hubHeartbeat: HubHeartbeat | null;
  /** Content packs and search: other services read the active pack (e.g. its eligibility rules) here. */
  content: ContentService;
  close(): Promise<void>;
}

/** After the last tap or ticket, this long before an update may restart the device: 10 minutes, or two visitor time-outs if longer. */
function quietPeriodMs(idleSeconds: number): number {
  return Math.max(10 * 60_000, 2 * idleSeconds * 1000);
}

/** Composes the core services and their channel handlers; each capability adds its own group. */
export function createCore(options: CoreOptions): Core {
  const { logger } = options;

  // Print jobs live in the device database, written in the same transaction as what they print;
  // the store opens the database and hands it to printing. Without a database nothing is stored to
  // print, but the printer's status is still reported.
  const printingHolder: { service: PrintingService | null } = { service: null };
  // A kiosk tells its hub at once when its printer runs out of paper or comes back; the heartbeat
  // is made after printing, so the printer reaches it through this holder.
  const hubHeartbeatHolder: { current: HubHeartbeat | null } = { current: null };
  const onStateChange = () => hubHeartbeatHolder.current?.changed();
  const requests = createRequestsStack({
    dataDir: options.dataDir,
    keyProvider: options.keyProvider ?? createFileKeyProvider(join(options.dataDir, 'field-key')),
    config: options.config,
    appVersion: options.appVersion,
    logger,
    enrollmentCode: options.enrollmentCode,
    syncTuning: options.syncTuning,
    now: options.now,
    // Names are looked up when a receipt is stored (after start-up), so `content` exists by then.
    receipts: (db) => {
      printingHolder.service = createPrintingService({ config: options.config, dataDir: options.dataDir, logger, db, names: packDisplayNames(() => content.current()), onStateChange });
      return printingHolder.service.receipts;
    },
    // A ticket's waiting time comes from the desk's pace: on a kiosk as its hub last answered it (plus
    // the tickets this kiosk gave out since), on the counter from its own queue. Looked up when a
    // ticket is taken, so the heartbeat and the desk made below exist by then.
    expectedWait: (at, takenHereSince) => {
      const heard = hubHeartbeatHolder.current?.pace(at);
      if (heard) return expectedWaitMinutes({ ...heard.pace, waiting: heard.pace.waiting + takenHereSince(heard.at) });
      return options.config.role === 'counter' ? expectedWaitMinutes(desk.pace()) : null;
    },
  });
  const printing = printingHolder.service ?? createPrintingService({ config: options.config, dataDir: options.dataDir, logger, db: null, onStateChange });

  // The pack is read when staff start a request (after start-up), so `content` exists by then.
  const desk = createDeskStack({ store: requests.deskStore, config: options.config, logger, content: () => content.current() });
  const content = createContentService({
    config: options.config,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    logger: logger.child({ service: 'content' }),
    deviceAuth: requests.deviceAuth,
  });
  content.startUpdates(options.contentUpdates);

  const activity = createActivityMonitor(quietPeriodMs(options.config.idleSeconds));
  const updates = createUpdateService({
    ...options,
    activity,
    updater: options.updater,
    firstCheckAfterMs: 60_000,
    checkEveryMs: 4 * 60 * 60_000,
    decideEveryMs: 60_000,
  });

  // What the heartbeat reports is also what IT sees in the diagnostics view: one builder for both.
  const health = async () =>
    buildHeartbeat({
      appVersion: options.appVersion,
      contentVersion: content.manifest()?.version ?? null,
      queue: requests.queue(),
      update: updates.status(),
      printer: await printing.status(),
      diskFreeBytes: diskFreeBytes(options.dataDir),
      hubLink: requests.hubClient?.link() ?? null,
      at: new Date(),
    });
  const heartbeat =
    requests.deviceAuth && options.config.centralApiUrl
      ? createHeartbeatSender({
          baseUrl: options.config.centralApiUrl,
          auth: requests.deviceAuth,
          logger,
          ...(options.heartbeat ?? { firstAfterMs: 5_000, everyMs: 5 * 60_000 }),
          build: health,
        })
      : null;
  const diagnostics = createDiagnostics({
    config: options.config,
    dataDir: options.dataDir,
    health,
    schemaVersion: () => (requests.deskStore ? schemaVersion(requests.deskStore.db) : null),
  });

  const { hubClient } = requests;
  const hubHeartbeat = hubClient
    ? createHubHeartbeat({
        client: hubClient,
        logger,
        ...(options.hubHeartbeat ?? { firstAfterMs: 2_000, everyMs: kioskHeartbeatEveryMs }),
        build: async () => {
          const queue = requests.queue();
          return {
            appVersion: options.appVersion,
            printer: await printing.status(),
            queue: { pending: queue?.queued ?? 0, needsAttention: queue?.needsAttention ?? 0, oldestPendingAt: queue?.oldestPendingAt ?? null },
          };
        },
      })
    : null;
  hubHeartbeatHolder.current = hubHeartbeat;

  const handlers: Handlers = {
    ...createAppHandlers({ ...options, content: () => content.manifest() }),
    ...createContentHandlers(content, options.config),
    ...createUpdateHandlers(options.config, updates),
    ...createDeviceHandlers(requests.deviceAuth, heartbeat, diagnostics),
    ...requests.handlers,
    ...desk.handlers,
    // The rules come with the content: a new pack brings new rules without an app update.
    ...createEligibilityHandlers({ ruleSet: () => content.current()?.eligibility ?? null, today: () => dutchCalendarDay(new Date()) }),
    ...createPrintingHandlers(printing),
  };
  // Access rules in the contract are checked before any input is read: a staff channel from a
  // kiosk, or without a signed-in staff member, never reaches its handler.
  const dispatch = createDispatch(handlers, logger, { deviceRole: options.config.role, staffRole: () => desk.staffRole() });

  return {
    handlers,
    // Every call a person causes (a visitor tapping, staff calling a ticket) counts as activity,
    // so capabilities added later hold back updates without wiring anything.
    dispatch: (channel, payload, ctx) => {
      if (!isPassiveChannel(channel)) activity.touch();
      return dispatch(channel, payload, ctx);
    },
    updates,
    activity,
    heartbeat,
    hubHeartbeat,
    content,
    close: async () => {
      updates.close();
      heartbeat?.stop();
      hubHeartbeat?.stop();
      await desk.close();
      await printing.close();
      await requests.close();
      content.close();
    },
  };
}
