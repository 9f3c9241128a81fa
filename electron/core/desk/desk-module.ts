import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { deskChannels } from '../../../shared/contract/desk-channels';
import type { HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { HubErasures } from '../hub/hub-erasures';
import type { VoucherRequests } from '../requests/voucher-requests';
import type { StaffModule } from '../staff/staff-module';
import type { DeviceStore } from '../store/open-device-store';
import { scrubWalAfterCommit } from '../store/scrub';
import type { SyncModule } from '../sync/sync-module';
import type { Queue } from './queue';
import { createAttentionActions } from './attention-actions';
import { deskStartRequest } from './desk-start';
import { createRequestDesk, purgeBsn } from './request-desk';
import { createSubjectAccess } from './subject-access';

type DeskHandlers = Omit<HandlersFor<typeof deskChannels>, 'stats.daily' | 'hub.status'>;

export interface DeskModule extends Capability {
  readonly handlers: DeskHandlers;
}

/**
 * The counter desk: the walk-in queue, completing requests after the identity check, starting one
 * for a walk-in, the sync view's corrections, and privacy requests. Every action is done by the
 * signed-in staff member and audited under their id.
 */
export function createDeskModule(deps: {
  store: DeviceStore;
  outbox: Outbox;
  config: DeviceConfig;
  now: () => Date;
  staff: StaffModule;
  queue: Queue;
  vouchers: VoucherRequests;
  sync: SyncModule;
  receipts: ReceiptWriter | undefined;
  /** Erase orders for kiosks that hold a copy of a request erased here. */
  erasures: HubErasures;
  /** The active content pack: its eligibility rules and providers check a request started at the desk. */
  pack: () => ContentPack | null;
}): DeskModule {
  const { store, outbox, queue, sync, now } = deps;
  const { db, cipher } = store;
  const me = deps.staff.me;
  const requests = createRequestDesk({ db, cipher, outbox, locationId: deps.config.location.id, now, receipts: deps.receipts });
  const privacy = createSubjectAccess(db, requests, now, deps.erasures);
  const attention = createAttentionActions({ db, cipher, outbox, now });
  // The central API has the BSN once it acknowledged the completion: the device stops keeping it,
  // in the request row and in the acknowledged message, and no old page of the file keeps it either.
  sync.onAcked((message, at) => {
    if (message.kind !== 'voucher-request.complete') return;
    purgeBsn(db, message.aggregateId, at);
    outbox.dropFromAckedPayload(message.id, ['bsn']);
    scrubWalAfterCommit(db);
  });
  return {
    name: 'desk',
    handlers: {
      'queue.list': () => queue.list(),
      'queue.status': () => queue.nowServing(),
      'queue.callNext': () => queue.callNext(me()),
      'queue.close': (input) => queue.close(input.id, input.outcome, me()),
      'request.find': (input) => requests.find(input.reference, me()),
      'request.complete': (input) => {
        const result = requests.complete(input.reference, input.identityDocument, input.bsn, me());
        sync.nudge();
        return result;
      },
      'request.startAtDesk': (input) => {
        const started = deps.vouchers.start(deskStartRequest(input, now()), { origin: 'desk', staffId: me() });
        sync.nudge();
        return requests.view(started.reference);
      },
      'request.cancel': (input) => requests.cancel(input.reference, input.reason, me()),
      'attention.resend': (input) => {
        const result = attention.resend(input.outboxId, input.contact, me());
        sync.nudge();
        return result;
      },
      'attention.cancel': (input) => attention.cancel(input.outboxId, input.reason, me()),
      'privacy.find': (input) => privacy.find(input.reference, me()),
      'privacy.export': (input) => privacy.export(input.reference, me()),
      'privacy.print': (input) => privacy.print(input.reference, me()),
      'privacy.erase': (input) => privacy.erase(input.reference, input.reason, me()),
    },
  };
}
