import type { Database } from 'better-sqlite3';
import type { EraseOrder } from '../../../shared/hub/kiosk-status';
import { appendAudit, firstAuditDetail } from '../outbox/audit';

/** What the desk can say about the copy on the kiosk a request came from. */
export interface KioskCopy {
  kiosk: string;
  eraseOrderedAt: string | null;
  erasedAt: string | null;
}

/**
 * Erase orders for kiosks. A request that reached the desk through the hub still has a sealed
 * copy on the kiosk where the visitor started it, readable with that kiosk's key until its own
 * retention purge. An erase at the desk leaves an order here for that kiosk; the hub hands it
 * over in its answer to the kiosk's next heartbeat, and the order stays open until the kiosk
 * confirms. Which kiosk: the one the hub's audit recorded when it received the request.
 */
export function createHubErasures(db: Database) {
  const insert = db.prepare('INSERT INTO hub_erase_orders (request_id, kiosk, reference, ordered_at) VALUES (?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING');
  const open = db.prepare<[string], EraseOrder>('SELECT request_id AS requestId, reference FROM hub_erase_orders WHERE kiosk = ? AND confirmed_at IS NULL ORDER BY ordered_at, request_id LIMIT 500');
  const confirm = db.prepare('UPDATE hub_erase_orders SET confirmed_at = ? WHERE kiosk = ? AND request_id = ? AND confirmed_at IS NULL');
  const order = db.prepare<[string], { ordered_at: string; confirmed_at: string | null }>('SELECT ordered_at, confirmed_at FROM hub_erase_orders WHERE request_id = ?');

  const kioskOf = (requestId: string): string | null => firstAuditDetail(db, 'hub.voucher-request-received', { type: 'voucher-request', id: requestId }, 'from');

  return {
    /** Runs inside the desk's erase transaction; null when no kiosk holds a copy (a desk start, a kiosk without a hub). */
    orderErase(requestId: string, reference: string, at: Date): string | null {
      const kiosk = kioskOf(requestId);
      if (kiosk !== null) insert.run(requestId, kiosk, reference, at.toISOString());
      return kiosk;
    },
    openFor(kiosk: string): EraseOrder[] {
      return open.all(kiosk);
    },
    /** Only the kiosk an order is for can close it. */
    confirm(kiosk: string, requestIds: readonly string[], at: Date): number {
      return db
        .transaction(() =>
          requestIds.reduce((n, id) => {
            const closed = confirm.run(at.toISOString(), kiosk, id).changes;
            if (closed) appendAudit(db, at, { action: 'privacy.erased-at-kiosk', aggregateType: 'voucher-request', aggregateId: id, detail: { kiosk } });
            return n + closed;
          }, 0),
        )
        .immediate();
    },
    kioskCopy(requestId: string): KioskCopy | null {
      const kiosk = kioskOf(requestId);
      if (kiosk === null) return null;
      const row = order.get(requestId);
      return { kiosk, eraseOrderedAt: row?.ordered_at ?? null, erasedAt: row?.confirmed_at ?? null };
    },
  };
}

export type HubErasures = ReturnType<typeof createHubErasures>;
