import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { createHubIngest, HubRejection } from '../../../electron/core/hub/hub-ingest';
import { createHubKiosks } from '../../../electron/core/hub/hub-kiosks';
import { hubPsk } from '../../../electron/core/hub/hub-psk';
import { createOutbox } from '../../../electron/core/outbox/outbox';
import { openDeviceStore } from '../../../electron/core/store/open-device-store';
import { tempDir } from '../../support/paths';
import { submissionBody } from '../../support/sync-rig';

function hubStore() {
  const dir = tempDir('hub-ingest');
  const store = openDeviceStore(dir, createFileKeyProvider(join(dir, 'field-key')));
  const outbox = createOutbox(store.db, store.cipher);
  return { store, outbox, ingest: createHubIngest({ db: store.db, cipher: store.cipher, outbox, kiosks: createHubKiosks(store.db), now: () => new Date() }).ingest };
}

const ticket = (number: string) => ({
  idempotencyKey: uuidv7(),
  kind: 'ticket.record' as const,
  aggregateId: uuidv7(),
  reference: number,
  body: { number, topic: 'voucher', locationId: 'zwolle-centrum', serviceDay: '2026-11-24', takenAt: '2026-11-24T09:00:00.000Z' },
});

describe('the hub storing kiosk messages', () => {
  it('stores a resent message once and forwards it under the kiosk\'s idempotency key', () => {
    const { store, outbox, ingest } = hubStore();
    const message = ticket('B001');
    expect(ingest(message, 'zwolle-centrum/B')).toEqual({ duplicate: false });
    expect(ingest(message, 'zwolle-centrum/B')).toEqual({ duplicate: true });
    expect(store.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 });
    const pending = outbox.ready(new Date(), [], 10);
    expect(pending.map((p) => p.idempotencyKey)).toEqual([message.idempotencyKey]);
    store.close();
  });

  it('seals a forwarded request\'s contact details and refuses a ticket number that is already taken', () => {
    const { store, ingest } = hubStore();
    const body = submissionBody(3);
    ingest({ idempotencyKey: uuidv7(), kind: 'voucher-request.submit', aggregateId: uuidv7(), reference: body.reference, body }, 'zwolle-centrum/B');
    const row = store.db.prepare<[], { contact: string }>('SELECT contact FROM voucher_requests').get();
    expect(row?.contact.startsWith('v1.')).toBe(true);
    expect(row?.contact).not.toContain('Testbezoeker');
    ingest(ticket('A001'), 'zwolle-centrum/A');
    expect(() => ingest(ticket('A001'), 'zwolle-centrum/C')).toThrow(HubRejection);
    expect(() => ingest({ ...ticket('B009'), body: { number: 'B009' } }, 'zwolle-centrum/B')).toThrow(/does not match/);
    store.close();
  });

  it('counts a kiosk\'s contact in the ingest transaction: a resend is contact but no new message, a refused one is neither', () => {
    const { store, ingest } = hubStore();
    const kiosks = createHubKiosks(store.db);
    const message = ticket('B001');
    ingest(message, 'zwolle-centrum/B', '1.4.0');
    const [first] = kiosks.list(new Date());
    expect(first).toMatchObject({ identity: 'zwolle-centrum/B', appVersion: '1.4.0', messages: 1, printer: null, queue: null, statusAt: null, silent: false });
    ingest(message, 'zwolle-centrum/B', null);
    expect(kiosks.list(new Date())).toMatchObject([{ appVersion: '1.4.0', messages: 1 }]);
    expect(() => ingest({ ...ticket('B001'), reference: 'B001' }, 'zwolle-centrum/C', '2.0.0')).toThrow(HubRejection);
    expect(kiosks.list(new Date()).map((k) => k.identity)).toEqual(['zwolle-centrum/B']);
    store.close();
  });

  it('derives a different key for another location from the same location key', () => {
    const key = 'a'.repeat(43);
    expect(hubPsk(key, 'zwolle-centrum').equals(hubPsk(key, 'zwolle-centrum'))).toBe(true);
    expect(hubPsk(key, 'zwolle-centrum').equals(hubPsk(key, 'utrecht-centrum'))).toBe(false);
    expect(hubPsk(key, 'zwolle-centrum')).toHaveLength(32);
  });
});
