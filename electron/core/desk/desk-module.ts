import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { deskChannels } from '../../../shared/contract/desk-channels';
import type { CallContext, HandlersFor } from '../bridge/handlers';
import type { Capability } from '../composition/capability';
import type { Outbox } from '../outbox/outbox';
import type { ReceiptWriter } from '../printing/receipt-writer';
import type { HubErasures } from '../hub/hub-erasures';
import type { VoucherRequests } from '../requests/voucher-requests';
import type { StaffModule } from '../staff/staff-module';
import type { DeviceStore } from '../store/open-device-store';
import { scrubWalAfterCommit } from '../store/scrub';
import type { SyncModule } from '../sync/sync-module';
import type { Queue } from '../tickets/queue';
import { createAttentionActions } from './attention-actions';
import { deskStartRequest } from './desk-start';
import { createRequestDesk, purgeBsn } from './request-desk';
import { createSubjectAccess } from './subject-access';

type DeskHandlers = Omit<HandlersFor<typeof deskChannels>, 'stats.daily' | 'hub.status' | 'hub.approve'>;

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
  const me = (ctx: CallContext) => deps.staff.me(ctx.client);
  const requests = createRequestDesk({ db, cipher, outbox, locationId: deps.config.location.id, now, receipts: deps.receipts });
  const privacy = createSubjectAccess(db, outbox, requests, now, deps.erasures);
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
      'queue.list': (_input, ctx) => queue.list(me(ctx)),
      'queue.status': () => queue.nowServing(),
      'queue.callNext': (input, ctx) => queue.callNext(me(ctx), input.current),
      'queue.close': (input, ctx) => queue.close(input.id, input.outcome, me(ctx)),
      'request.find': (input, ctx) => requests.find(input.reference, me(ctx)),
      'request.complete': (input, ctx) => {
        const result = requests.complete(input.reference, input.identityDocument, input.bsn, me(ctx));
        sync.nudge();
        return result;
      },
      'request.startAtDesk': (input, ctx) => {
        const started = deps.vouchers.start(deskStartRequest(input, now()), { origin: 'desk', staffId: me(ctx) });
        sync.nudge();
        return requests.view(started.reference);
      },
      'request.cancel': (input, ctx) => requests.cancel(input.reference, input.reason, me(ctx)),
      'attention.resend': (input, ctx) => {
        const result = attention.resend(input.outboxId, input.contact, me(ctx));
        sync.nudge();
        return result;
      },
      'attention.cancel': (input, ctx) => attention.cancel(input.outboxId, input.reason, me(ctx)),
      'privacy.find': (input, ctx) => privacy.find(input.reference, me(ctx)),
      'privacy.export': (input, ctx) => privacy.export(input.reference, me(ctx)),
      'privacy.print': (input, ctx) => privacy.print(input.reference, me(ctx)),
      'privacy.erase': (input, ctx) => privacy.erase(input.reference, input.reason, me(ctx)),
    },
  };
}
