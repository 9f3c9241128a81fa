import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import type { BookResult, DayAgenda } from '../../../shared/contract/appointments-channels';
import { leftovers, type Secret } from '../../support/leftovers';
import { startCounterCore } from '../../support/counter-core';
import { tempDir } from '../../support/paths';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

function counter(dataDir: string, at: Date) {
  const desk = startCounterCore({ dataDir, now: () => at, config: { appointmentRetentionDays: 1 } });
  cores.push(desk.core);
  return desk;
}

const sealedOf = (dataDir: string): Secret[] => {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT code, first_name, phone FROM appointments').all() as { code: string; first_name: string | null; phone: string | null }[];
    expect(rows.filter((r) => r.phone !== null), 'no phone number is stored').toEqual([]);
    return rows.flatMap((r) => (r.first_name === null ? [] : [{ what: `sealed contact of ${r.code}`, value: r.first_name.slice(10, 40) }]));
  } finally {
    db.close();
  }
};

describe('the contact data of an appointment', () => {
  it('is sealed, gone at once when it is cancelled, and purged from every file after the date plus the retention', async () => {
    const dataDir = tempDir('agenda-purge');
    const first = counter(dataDir, new Date('2027-01-11T08:00:00.000Z'));
    await first.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    const book = async (time: string, firstName: string) => {
      const r = (await first.call('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: `2027-01-12T${time}:00+01:00`, firstName, language: 'nl', idempotencyKey: randomUUID() })) as BookResult;
      if (r.outcome !== 'booked') throw new Error('expected a booking');
      return r.appointment.code;
    };
    // No reminder is sent, so a phone number is refused, not stored.
    expect(await first.dispatch('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: '2027-01-12T09:30:00+01:00', phone: '06 11223344', language: 'nl', idempotencyKey: randomUUID() }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const kept = await book('10:00', 'Fleurtje');
    const cancelled = await book('11:00', 'Bramvanderberg');
    const plain: Secret[] = [
      { what: 'first name', value: 'Fleurtje' },
      { what: 'cancelled first name', value: 'Bramvanderberg' },
    ];
    const agenda = (await first.call('appointments.today', { day: '2027-01-12' })) as DayAgenda;
    expect(agenda.appointments.find((a) => a.code === kept)).toMatchObject({ firstName: 'Fleurtje' });
    expect(leftovers(dataDir, plain)).toEqual([]);
    const sealed = sealedOf(dataDir);
    expect(sealed).toHaveLength(2);

    expect(await first.call('appointments.cancel', { code: cancelled })).toMatchObject({ outcome: 'cancelled' });
    const afterCancel = (await first.call('appointments.today', { day: '2027-01-12' })) as DayAgenda;
    expect(afterCancel.appointments.find((a) => a.code === cancelled)).toMatchObject({ state: 'cancelled', firstName: null });
    expect(afterCancel.appointments.find((a) => a.code === kept)).toMatchObject({ firstName: 'Fleurtje' });
    await first.core.close();
    cores.splice(0);

    // The day after the appointment the retention (1 day) has not passed yet: the name stays.
    const soon = counter(dataDir, new Date('2027-01-13T08:00:00.000Z'));
    await soon.call('staff.signIn', { username: 'anna', pin: '482915' });
    expect(((await soon.call('appointments.today', { day: '2027-01-12' })) as DayAgenda).appointments.find((a) => a.code === kept)?.firstName).toBe('Fleurtje');
    await soon.core.close();
    cores.splice(0);

    const later = counter(dataDir, new Date('2027-01-14T08:00:00.000Z'));
    await later.call('staff.signIn', { username: 'anna', pin: '482915' });
    const purged = (await later.call('appointments.today', { day: '2027-01-12' })) as DayAgenda;
    expect(purged.appointments.map((a) => [a.code, a.firstName])).toEqual([
      [kept, null],
      [cancelled, null],
    ]);
    await later.core.close();
    cores.splice(0);
    expect(leftovers(dataDir, [...plain, ...sealed])).toEqual([]);
  }, 60_000);
});
