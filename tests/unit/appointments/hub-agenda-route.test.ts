import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgenda } from '../../../electron/core/appointments/agenda';
import { localPort } from '../../../electron/core/appointments/agenda-port';
import { hubAgendaRoute } from '../../../electron/core/appointments/hub-agenda-route';
import { createFieldCipher } from '../../../electron/core/crypto/field-cipher';
import { openStore, type Store } from '../../../electron/core/store/open-store';
import { fixturePack } from '../../support/content-packs';
import { tempDir } from '../../support/paths';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function route() {
  const store = openStore(join(tempDir('hub-agenda'), 'device.sqlite'));
  stores.push(store);
  const pack = fixturePack();
  const agenda = createAgenda({ db: store.db, cipher: createFieldCipher(randomBytes(32)), now: () => new Date('2027-01-11T08:00:00.000Z'), pack: () => pack });
  return { answer: hubAgendaRoute(localPort(agenda, 'kiosk', (id) => id === 'utrecht-centrum')), store };
}

const book = { locationId: 'utrecht-centrum', topic: 'eerste-gesprek', start: '2027-01-11T10:30:00+01:00', language: 'nl', idempotencyKey: '019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11' };

describe('the hub\'s agenda route, as a kiosk reaches it', () => {
  it('books, and answers a repeat of the same key with the same booking', async () => {
    const { answer } = route();
    const first = await answer('book', book);
    expect(first).toMatchObject({ status: 200, body: { outcome: 'booked', appointment: { locationId: 'utrecht-centrum', start: '2027-01-11T09:30:00.000Z' } } });
    expect(await answer('book', book)).toEqual(first);
  });

  it.each([
    ['an operation it does not have', 'dropTables', {}, 404, 'not_found'],
    ['a body that is not an object', 'book', 'garbage', 422, 'invalid_input'],
    ['an unknown field', 'book', { ...book, admin: true }, 422, 'invalid_input'],
    ['a key that is no UUID', 'book', { ...book, idempotencyKey: '1' }, 422, 'invalid_input'],
    ['another shop', 'book', { ...book, locationId: 'zeist-centrum' }, 422, 'not_found'],
    ['a time that has passed', 'book', { ...book, start: '2027-01-11T08:00:00+01:00' }, 422, 'invalid_input'],
    ['a Sunday', 'book', { ...book, start: '2027-01-10T10:30:00+01:00' }, 422, 'invalid_input'],
    ['a code nobody has', 'checkIn', { locationId: 'utrecht-centrum', code: 'ACDE-FGHJ' }, 422, 'not_found'],
    ['a code in the wrong shape', 'cancel', { locationId: 'utrecht-centrum', code: 'ACDEFGHJ' }, 422, 'invalid_input'],
  ])('refuses %s with its own code, storing nothing', async (_what, op, body, status, code) => {
    const { answer, store } = route();
    expect(await answer(op, body)).toMatchObject({ status, body: { code } });
    expect(store.db.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(0);
  });
});
