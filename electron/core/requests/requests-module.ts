import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { EraseOrder } from '../../../shared/hub/kiosk-status';
import type { requestsChannels } from '../../../shared/contract/requests-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock, Timer } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { DeviceStore } from '../store/open-device-store';
import { storeWrite } from '../store/store-write';
import type { SyncModule } from '../sync/sync-module';
import { eraseOrderedCopies, markVoucherAcked, purgePersonalData } from './purge';
import { createVoucherRequests, type VoucherRequests } from './voucher-requests';

export interface RequestsModule extends Capability {
  readonly handlers: Pick<HandlersFor<typeof requestsChannels>, 'voucher.start'>;
  readonly vouchers: VoucherRequests;
  /** Carries out the hub's erase orders for this kiosk's copies; answers the requests whose copies are gone. */
  eraseOrdered(orders: readonly EraseOrder[]): string[];
}

const purgeEveryMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Voucher requests: started at the kiosk (or at the desk, through the same transaction), sent
 * through the outbox, and their personal data purged once the central API has acknowledged them
 * and the retention has passed.
 */
export function createRequestsModule(deps: {
  store: DeviceStore;
  outbox: Outbox;
  sync: SyncModule;
  config: DeviceConfig;
  logger: Logger;
  clock: Clock;
  receipts: ReceiptWriter | undefined;
  /** The active content pack: its rules decide every request, its providers are checked. */
  pack: () => ContentPack | null;
}): RequestsModule {
  const { store, config, logger } = deps;
  const vouchers = createVoucherRequests({ db: store.db, cipher: store.cipher, outbox: deps.outbox, config, now: () => deps.clock.now(), receipts: deps.receipts, content: deps.pack });
  // The acknowledgement starts the retention period, stamped in the same transaction as the ack.
  deps.sync.onAcked((message, at) => {
    if (message.kind === 'voucher-request.submit') markVoucherAcked(store.db, message.aggregateId, at);
  });
  const retentionMs = config.personalDataRetentionDays * dayMs;
  const purge = (): void => {
    const purged = purgePersonalData(store.db, deps.outbox, deps.clock.now(), retentionMs);
    if (purged > 0) logger.info('purged personal data of acknowledged requests', { requests: purged });
  };
  let purgeTimer: Timer | null = null;
  return {
    name: 'requests',
    vouchers,
    eraseOrdered: (orders) => eraseOrderedCopies(store.db, deps.outbox, orders, deps.clock.now()),
    handlers: {
      'voucher.start': (input) => {
        const started = storeWrite(logger, 'voucher.start', () => vouchers.start(input));
        deps.sync.nudge();
        deps.receipts?.committed();
        return started;
      },
    },
    start: () => {
      purge();
      purgeTimer = deps.clock.setInterval(purge, purgeEveryMs);
    },
    close: () => {
      purgeTimer?.cancel();
    },
  };
}
