import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import { isPassiveChannel } from '../../shared/contract/channels';
import { createAppModule } from './app/app-module';
import { createAppointmentsModule } from './appointments/appointments-module';
import { createDispatch, type Dispatch } from './bridge/dispatch';
import type { Handler, Handlers } from './bridge/handlers';
import { clockWithNow, systemClock, type Clock } from './clock/clock';
import { createComposition } from './composition/composition-root';
import { createContentModule } from './content/content-module';
import type { ContentService, UpdateSchedule } from './content/content-service';
import { createFileKeyProvider, type KeyProvider } from './crypto/key-provider';
import { createDeskModule } from './desk/desk-module';
import { createEligibilityModule } from './eligibility/eligibility-module';
import { createSelfScanModule } from './self-scan/self-scan-module';
import { createSpeechModule } from './speech/speech-module';
import { createInvitationsModule } from './invitations/invitations-module';
import { createReferralModule } from './referral/referral-module';
import { createDeviceModule } from './enrollment/device-module';
import { createEnrollmentModule } from './enrollment/enrollment-module';
import { buildHeartbeat, diskFreeBytes } from './enrollment/heartbeat';
import type { Heartbeat } from '../../shared/central-api/devices';
import { createHeartbeatModule } from './enrollment/heartbeat-module';
import type { HeartbeatSender } from './enrollment/heartbeat-sender';
import { CoreError } from './errors';
import { createFleetModule } from './fleet/fleet-module';
import type { HubHeartbeat } from './hub/hub-heartbeat';
import { createHubHeartbeatModule } from './hub/hub-heartbeat-module';
import { createHubLinkModule } from './hub/hub-link-module';
import { createHubServerModule } from './hub/hub-server-module';
import type { Logger } from './log/logger';
import { createOutboxModule } from './outbox/outbox-module';
import { createPrintingModule } from './printing/printing-module';
import { createRequestsModule } from './requests/requests-module';
import { createStaffModule } from './staff/staff-module';
import { createStatisticsModule } from './statistics/statistics-module';
import { createFeedbackModule } from './feedback/feedback-module';
import { schemaVersion } from './store/migrations';
import { createStoreModule } from './store/store-module';
import { createSyncModule, type SyncTuning } from './sync/sync-module';
import { demoDeskPace } from './tickets/wait-estimate';
import { createTicketsModule } from './tickets/tickets-module';
import type { ActivityMonitor } from './updates/activity-monitor';
import type { UpdateService } from './updates/update-service';
import { createUpdatesModule } from './updates/updates-module';
import type { UpdaterPort } from './updates/updater-port';

export type { SyncTuning } from './sync/sync-module';

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
  /** The one clock every module reads the time and sets its timers from; default: the system's. */
  clock?: Clock;
  /** Only the date, for tests that cross a service day: a clock that reads this, with the system's timers. Ignored when `clock` is given. */
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
  /** The modules this device was built from, in start order. */
  modules: string[];
  close(): Promise<void>;
}

/**
 * The composition root: the core is the list of capability modules below, each built from the
 * ones above it, started in this order and closed in reverse. A module that does not apply to the
 * device (the hub server on a kiosk, the desk without a database) is not built; its channels
 * answer that they are not available here. See docs/architecture.md.
 */
export function createCore(options: CoreOptions): Core {
  const { config, logger, dataDir } = options;
  const clock = options.clock ?? (options.now ? clockWithNow(options.now) : systemClock);
  // Requests, tickets, desk and statistics still take only the date: from the same clock.
  const now = (): Date => clock.now();
  const tuning = options.syncTuning ?? {};
  const root = createComposition(logger);
  if (config.role === 'fleet') return createFleetCore(options, clock, root);

  const store = root.add(createStoreModule({ dataDir, keyProvider: options.keyProvider ?? createFileKeyProvider(join(dataDir, 'field-key')), logger }));
  const device = store.device;
  const outbox = device && root.add(createOutboxModule({ store: device }));
  // A kiosk of a location with a hub sends to the hub; the hub forwards to the central API.
  const hubUrl = config.role === 'kiosk' ? config.hub?.url : undefined;
  const centralApiUrl = hubUrl ? undefined : config.centralApiUrl;
  const enrollment =
    device && centralApiUrl
      ? root.add(createEnrollmentModule({ store: device, config: { ...config, centralApiUrl }, appVersion: options.appVersion, dataDir, logger, clock, enrollmentCode: options.enrollmentCode, requestTimeoutMs: tuning.requestTimeoutMs, maxSockets: tuning.maxInFlight }))
      : null;
  const content = root.add(createContentModule({ config, dataDir, resourcesDir: options.resourcesDir, logger, clock, deviceAuth: enrollment?.auth ?? null, updates: options.contentUpdates }));
  // The kiosk's own voice, for a browser that has none; a counter's staff read their own screen.
  if (config.role === 'kiosk') root.add(createSpeechModule({ logger }));
  const pack = () => content.service.current();
  root.add(createEligibilityModule({ ruleSet: () => pack()?.eligibility ?? null, clock }));
  root.add(createInvitationsModule({ pack, locationId: config.location.id, store: device, clock, logger }));
  const printing = root.add(createPrintingModule({ config, dataDir, logger, clock, db: device?.db ?? null, pack }));
  const receipts = device ? printing.service.receipts : undefined;
  root.add(createSelfScanModule({ pack, locationId: config.location.id, clock, print: (document) => printing.service.enqueue(document) }));
  root.add(createReferralModule({ pack, locationId: config.location.id, clock, print: (document) => printing.service.enqueue(document) }));
  const hubLink =
    device && hubUrl && config.hub
      ? root.add(createHubLinkModule({ store: device, config, hubUrl, locationKey: config.hub.locationKey, appVersion: options.appVersion, clock, requestTimeoutMs: tuning.requestTimeoutMs }))
      : null;
  const transport = hubLink?.transport ?? (enrollment && { client: enrollment.client, auth: enrollment.auth, part: 'sync' as const });
  const sync = outbox && root.add(createSyncModule({ outbox: outbox.outbox, transport, logger, clock, tuning }));
  // A fresh token is worth using at once: the queue kept during "not enrolled" goes out now.
  if (sync) enrollment?.onEnrolled(sync.nudge);
  if (sync && hubLink) sync.onAcked(hubLink.acknowledged);
  const requests = device && outbox && sync ? root.add(createRequestsModule({ store: device, outbox: outbox.outbox, sync, config, logger, clock, receipts, pack })) : null;
  const hubHeartbeat =
    device && hubLink && sync && requests
      ? root.add(createHubHeartbeatModule({ client: hubLink.client, store: device, printing, sync, appVersion: options.appVersion, logger, clock, eraseOrdered: requests.eraseOrdered, timing: options.hubHeartbeat }))
      : null;
  // An outpost has no desk: it gives no tickets, so nobody waits for a call that never comes.
  const outpost = config.mode === 'outpost';
  const tickets =
    device && outbox && sync && !outpost
      ? root.add(createTicketsModule({ store: device, outbox: outbox.outbox, config, logger, now, receipts, nudge: sync.nudge, heardPace: hubHeartbeat ? hubHeartbeat.pace : config.demo && config.role === 'kiosk' ? demoDeskPace : undefined, hubNumbering: hubLink ? { floor: hubLink.numberFloor, beforeTicket: hubLink.beforeTicket } : undefined, pack, demoDesk: config.demo && config.role === 'kiosk' && !hubLink ? { clock } : undefined }))
      : null;
  const counter = config.role === 'counter';
  const staff = counter && device ? root.add(createStaffModule({ store: device, config, logger, clock })) : null;
  const appointments = device
    ? root.add(
        createAppointmentsModule({
          config,
          store: device,
          pack,
          clock,
          logger,
          printing: printing.service,
          hubClient: hubLink?.client,
          central: (outpost || counter) && enrollment && centralApiUrl ? { baseUrl: centralApiUrl, token: enrollment.auth.token } : undefined,
          outbox: counter && outbox && sync ? { outbox: outbox.outbox, nudge: sync.nudge } : undefined,
          staff: staff ?? undefined,
          queue: tickets?.queue,
          requestTimeoutMs: tuning.requestTimeoutMs,
        }),
      )
    : null;
  const hubServer =
    staff && device && outbox && sync && tickets
      ? root.add(createHubServerModule({ store: device, outbox: outbox.outbox, config, logger, clock, staff, pace: tickets.queue.pace, onIngested: sync.nudge, agenda: appointments?.hubRoute ?? undefined }))
      : null;
  if (staff && hubServer && device && outbox && sync && tickets && requests) {
    root.add(createDeskModule({ store: device, outbox: outbox.outbox, config, now, staff, queue: tickets.queue, vouchers: requests.vouchers, sync, receipts, erasures: hubServer.erasures, pack }));
  }
  if (device) root.add(createFeedbackModule({ store: device, clock }));
  if (device && outbox && sync) root.add(createStatisticsModule({ store: device, outbox: outbox.outbox, config, logger, clock, nudge: sync.nudge, kioskCounts: hubServer ?? undefined }));
  const updates = root.add(createUpdatesModule({ config, appVersion: options.appVersion, dataDir, logger, clock, updater: options.updater }));
  const health = async () => {
    const fleet = hubServer?.fleet() ?? null;
    return buildHeartbeat({
      appVersion: options.appVersion,
      contentVersion: content.service.manifest()?.version ?? null,
      queue: sync?.queueDepth() ?? null,
      update: updates.service.status(),
      printer: await printing.service.status(),
      diskFreeBytes: diskFreeBytes(dataDir),
      hubLink: hubLink?.client.link() ?? null,
      ...(fleet ? { kiosks: fleet.kiosks, hubRefusedConnections: fleet.refusedConnections } : {}),
      at: now(),
    });
  };
  // The central API answers (the sync need not wait out its backoff) and has the refusals this heartbeat carried.
  const heartbeatTaken = (sent: Heartbeat): void => {
    sync?.reachable();
    hubServer?.refusalsReported(sent.hubRefusedConnections ?? 0);
  };
  const heartbeat = enrollment && centralApiUrl ? root.add(createHeartbeatModule({ baseUrl: centralApiUrl, auth: enrollment.auth, logger, clock, build: health, onSent: heartbeatTaken, timing: options.heartbeat })) : null;
  root.add(
    createDeviceModule({
      config,
      dataDir,
      auth: enrollment?.auth ?? null,
      lastHeartbeatAt: () => heartbeat?.sender()?.lastSentAt() ?? null,
      health,
      schemaVersion: () => (device ? schemaVersion(device.db) : null),
    }),
  );
  root.add(createAppModule({ ...options, now: () => clock.now(), content: () => content.service.manifest() }));

  // A channel of a module this device did not build: with the database down, say why; otherwise
  // the access rule has already refused it, and this only answers a caller that got past a
  // mistaken rule.
  const missing = (channel: string): Handler<never> => () => {
    throw new CoreError('unavailable', store.problem ? store.problem.message : `${channel} is not available on this device.`);
  };
  const handlers = root.handlers(missing);
  // Access rules in the contract are checked before any input is read: a staff channel from a
  // kiosk, or without a signed-in staff member, never reaches its handler.
  // Every call a person causes (a visitor tapping, staff calling a ticket) counts as activity; a
  // screen polling does not (the contract marks those channels passive), nor does a call refused
  // before its handler ran.
  const { activity } = updates;
  const dispatch = createDispatch(
    handlers,
    logger,
    { deviceRole: config.role, staffRole: (client) => staff?.role(client) ?? null },
    { onHandled: (channel) => (isPassiveChannel(channel) ? undefined : activity.touch(now())) },
  );
  root.start();

  return {
    handlers,
    dispatch,
    updates: updates.service,
    activity,
    heartbeat: heartbeat?.sender() ?? null,
    hubHeartbeat: hubHeartbeat?.heartbeat() ?? null,
    content: content.service,
    modules: root.names(),
    close: () => root.close(),
  };
}

/**
 * Regional IT's console on its own PC: no database, no outbox, no printer, nothing a visitor
 * touches; the fleet from the central API, the app's own updates, and what every screen asks first.
 * Content is built only because app.info reports the pack version; it never downloads one (no device token).
 */
function createFleetCore(options: CoreOptions, clock: Clock, root: ReturnType<typeof createComposition>): Core {
  const { config, logger, dataDir } = options;
  const content = root.add(createContentModule({ config, dataDir, resourcesDir: options.resourcesDir, logger, clock, deviceAuth: null, updates: options.contentUpdates }));
  root.add(createFleetModule({ credentialsFile: config.fleet?.credentialsFile ?? join(dataDir, 'it-account.json'), centralApiUrl: config.centralApiUrl, clock, logger }));
  const updates = root.add(createUpdatesModule({ config, appVersion: options.appVersion, dataDir, logger, clock, updater: options.updater }));
  root.add(createAppModule({ ...options, now: () => clock.now(), content: () => content.service.manifest() }));
  const missing = (channel: string): Handler<never> => () => {
    throw new CoreError('unavailable', `${channel} is not available on the fleet console.`);
  };
  const handlers = root.handlers(missing);
  const dispatch = createDispatch(handlers, logger, { deviceRole: 'fleet', staffRole: () => null });
  root.start();
  return {
    handlers,
    dispatch,
    updates: updates.service,
    activity: updates.activity,
    heartbeat: null,
    hubHeartbeat: null,
    content: content.service,
    modules: root.names(),
    close: () => root.close(),
  };
}
