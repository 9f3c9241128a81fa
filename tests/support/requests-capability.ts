import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/config/device-config';
import type { ContentPack } from '../../shared/content/pack-schema';
import type { Handlers } from '../../electron/core/bridge/handlers';
import { clockWithNow, systemClock } from '../../electron/core/clock/clock';
import { createComposition } from '../../electron/core/composition/composition-root';
import { createFileKeyProvider } from '../../electron/core/crypto/key-provider';
import { createEnrollmentModule } from '../../electron/core/enrollment/enrollment-module';
import { silentLogger } from '../../electron/core/log/logger';
import { createOutboxModule } from '../../electron/core/outbox/outbox-module';
import { createRequestsModule } from '../../electron/core/requests/requests-module';
import { createStoreModule } from '../../electron/core/store/store-module';
import { createSyncModule, type SyncTuning } from '../../electron/core/sync/sync-module';

export interface RequestsCapability {
  handlers: Pick<Handlers, 'voucher.start' | 'sync.status'>;
  /** The modules built, in start order: the requests capability and only what it needs. */
  modules: string[];
  close(): Promise<void>;
}

/**
 * The voucher-request capability with its real dependencies and nothing else: the store, the
 * outbox, enrollment and sync when a central API is configured, and the requests module, reading
 * the pack the test gives. No printing, content, desk or hub: what a test of requests needs.
 */
export function buildRequestsCapability(options: {
  dataDir: string;
  config: DeviceConfig;
  now?: () => Date;
  enrollmentCode?: () => Promise<string | null>;
  syncTuning?: SyncTuning;
  /** The active content pack, whose rules decide each request. */
  pack: () => ContentPack | null;
}): RequestsCapability {
  const { dataDir, config } = options;
  const clock = options.now ? clockWithNow(options.now) : systemClock;
  const root = createComposition(silentLogger);
  const store = root.add(createStoreModule({ dataDir, keyProvider: createFileKeyProvider(join(dataDir, 'field-key')), logger: silentLogger }));
  if (!store.device) throw store.problem ?? new Error('the device store did not open');
  const outbox = root.add(createOutboxModule({ store: store.device }));
  const { centralApiUrl } = config;
  const enrollment = centralApiUrl
    ? root.add(createEnrollmentModule({ store: store.device, config: { ...config, centralApiUrl }, appVersion: 'test', dataDir, logger: silentLogger, clock, enrollmentCode: options.enrollmentCode }))
    : null;
  const transport = enrollment && { client: enrollment.client, auth: enrollment.auth, part: 'sync' as const };
  const sync = root.add(createSyncModule({ outbox: outbox.outbox, transport, logger: silentLogger, clock, tuning: options.syncTuning }));
  const requests = root.add(createRequestsModule({ store: store.device, outbox: outbox.outbox, sync, config, logger: silentLogger, clock, receipts: undefined, pack: options.pack }));
  root.start();
  return { handlers: { ...requests.handlers, ...sync.handlers }, modules: root.names(), close: () => root.close() };
}
