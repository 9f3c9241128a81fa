import type { requestsChannels } from '../../../shared/contract/requests-channels';
import type { syncChannels } from '../../../shared/contract/sync-channels';
import type { HandlersFor } from '../bridge/handlers';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { Outbox } from '../outbox/outbox';
import { classifySqliteError, type StoreError } from '../store/store-error';
import { readSyncStatus, type SyncProgress } from '../sync/sync-status';
import type { HubLink } from '../../../shared/hub/hub-link';
import type { Tickets } from './tickets';
import type { VoucherRequests } from './voucher-requests';

export interface RequestServices {
  vouchers: VoucherRequests;
  tickets: Tickets;
  outbox: Outbox;
  progress: SyncProgress;
  /** A kiosk with a hub: asks the hub for the day's numbering before the day's first ticket (bounded wait). */
  beforeTicket?: () => Promise<void>;
  /** A kiosk with a hub: how its link to the hub is doing, shown in its sync status. */
  hubLink?: () => HubLink;
}

/** Either the services, or why the store could not be opened: the rest of the app keeps working. */
export type RequestServicesOrError = { ok: true; services: RequestServices } | { ok: false; error: StoreError };

export function createRequestsHandlers(
  access: RequestServicesOrError,
  logger: Logger,
): HandlersFor<typeof requestsChannels> & HandlersFor<typeof syncChannels> {
  const use = <T>(what: string, fn: (s: RequestServices) => T): T => {
    if (!access.ok) throw new CoreError('unavailable', access.error.message);
    try {
      return fn(access.services);
    } catch (err) {
      // The transaction rolled back: nothing was stored, and the visitor must not get a receipt.
      const problem = classifySqliteError(err);
      if (problem === null) throw err;
      logger.error('store write failed', { what, problem });
      throw new CoreError('unavailable', problem === 'disk-full' ? 'The device disk is full: nothing was stored. Ask staff for help.' : 'The device database cannot store this right now: nothing was stored. Ask staff for help.');
    }
  };
  return {
    'voucher.start': (input) => use('voucher.start', (s) => s.vouchers.start(input)),
    'ticket.take': async (input) => {
      if (access.ok) await access.services.beforeTicket?.();
      return use('ticket.take', (s) => s.tickets.take(input.topic, input.language));
    },
    'sync.status': () => use('sync.status', (s) => ({ ...readSyncStatus(s.outbox, s.progress), hubLink: s.hubLink?.() ?? null })),
  };
}
