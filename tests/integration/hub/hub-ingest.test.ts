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

const at = new Date('2026-11-24T09:00:00.000Z');

function hubStore() {
  const dir = tempDir('hub-ingest');
  const store = openDeviceStore(dir, createFileKeyProvider(join(dir, 'field-key')));
  const outbox = createOutbox(store.db, store.cipher);
  return { store, outbox, ingest: createHubIngest({ db: store.db, cipher: store.cipher, outbox, kiosks: createHubKiosks(store.db), locationId: 'zwolle-centrum', now: () => at }).ingest };
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
    expect(ingest(message, 'zwolle-centrum/B')).toEqual({ acked: true, duplicate: false });
    expect(ingest(message, 'zwolle-centrum/B')).toEqual({ acked: true, duplicate: true });
    expect(store.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 1 });
    const pending = outbox.ready(at, [], 10);
    expect(pending.map((p) => p.idempotencyKey)).toEqual([message.idempotencyKey]);
    store.close();
  });

  it('seals a forwarded request\'s contact details and refuses a ticket of another letter than the kiosk\'s', () => {
    const { store, ingest } = hubStore();
    const body = { ...submissionBody(3), locationId: 'zwolle-centrum' };
    ingest({ idempotencyKey: uuidv7(), kind: 'voucher-request.submit', aggregateId: uuidv7(), reference: body.reference, body }, 'zwolle-centrum/B');
    const row = store.db.prepare<[], { contact: string }>('SELECT contact FROM voucher_requests').get();
    expect(row?.contact.startsWith('v1.')).toBe(true);
    expect(row?.contact).not.toContain('Testbezoeker');
    expect(() => ingest(ticket('A001'), 'zwolle-centrum/C')).toThrow(/not of this kiosk's enrolled ticket letter C/);
    expect(() => ingest({ ...ticket('C001'), body: { ...ticket('C001').body, locationId: 'utrecht-centrum' } }, 'zwolle-centrum/C')).toThrow(/claims location utrecht-centrum/);
    expect(() => ingest({ idempotencyKey: uuidv7(), kind: 'voucher-request.submit', aggregateId: uuidv7(), reference: 'X', body: submissionBody(4) }, 'zwolle-centrum/C')).toThrow(/claims location utrecht-centrum/);
    expect(store.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect(() => ingest({ ...ticket('B009'), body: { number: 'B009' } }, 'zwolle-centrum/B')).toThrow(/does not match/);
    store.close();
  });

  it('takes a ticket whose number is taken today under the next free number of the letter, so the visitor still joins the queue', () => {
    const { store, outbox, ingest } = hubStore();
    ingest(ticket('B001'), 'zwolle-centrum/B');
    ingest(ticket('B002'), 'zwolle-centrum/B');
    const again = ticket('B001');
    expect(ingest(again, 'zwolle-centrum/B')).toEqual({ acked: true, duplicate: false, number: 'B003' });
    expect(store.db.prepare('SELECT number FROM tickets ORDER BY seq').all()).toEqual([{ number: 'B001' }, { number: 'B002' }, { number: 'B003' }]);
    const forwarded = outbox.ready(at, [], 10).find((p) => p.idempotencyKey === again.idempotencyKey);
    expect(forwarded).toMatchObject({ reference: 'B003', body: { number: 'B003' } });
    expect(store.db.prepare("SELECT detail FROM audit WHERE action = 'hub.ticket-renumbered'").get()).toEqual({ detail: expect.stringContaining('"printed":"B001"') as unknown as string });
    store.close();
  });

  it('counts a kiosk\'s contact in the ingest transaction: a resend is contact but no new message, a refused one is neither', () => {
    const { store, ingest } = hubStore();
    const kiosks = createHubKiosks(store.db);
    const message = ticket('B001');
    ingest(message, 'zwolle-centrum/B', '1.4.0');
    const [first] = kiosks.list(at);
    expect(first).toMatchObject({ identity: 'zwolle-centrum/B', appVersion: '1.4.0', messages: 1, printer: null, queue: null, statusAt: null, silent: false });
    ingest(message, 'zwolle-centrum/B', null);
    expect(kiosks.list(at)).toMatchObject([{ appVersion: '1.4.0', messages: 1 }]);
    expect(() => ingest({ ...ticket('B002'), reference: 'B002' }, 'zwolle-centrum/C', '2.0.0')).toThrow(HubRejection);
    expect(kiosks.list(at).map((k) => k.identity)).toEqual(['zwolle-centrum/B']);
    store.close();
  });

  it('derives a different key for another location from the same location key', () => {
    const key = 'a'.repeat(43);
    expect(hubPsk(key, 'zwolle-centrum').equals(hubPsk(key, 'zwolle-centrum'))).toBe(true);
    expect(hubPsk(key, 'zwolle-centrum').equals(hubPsk(key, 'utrecht-centrum'))).toBe(false);
    expect(hubPsk(key, 'zwolle-centrum')).toHaveLength(32);
  });
});
