import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaAppointment, BookResult, CheckInResult, DayAgenda } from '../../../shared/contract/appointments-channels';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import type { PublishedDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey } from '../../../shared/stats/suppression';
import { rawDailyStats } from '../../support/raw-stats';
import { startShop } from '../../support/appointments-rig';
import { until } from '../../support/until';

let shop: Awaited<ReturnType<typeof startShop>> | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

/** Local Zwolle time on Monday 11 January 2027 (UTC+1). */
const monday = (hhmm: string): Date => new Date(`2027-01-11T${hhmm}:00+01:00`);

describe('checking in and being called', () => {
  it('a checked-in appointment is called ahead of earlier walk-ins from 5 minutes before its time; one 15+ minutes late waits as a walk-in; a no-show is counted', async () => {
    let at = monday('09:00');
    shop = await startShop({ now: () => at, kiosks: 1 });
    const { desk } = shop;
    const kiosk = shop.kiosks[0];
    if (!kiosk) throw new Error('no kiosk');
    const book = async (time: string) => {
      const r = await kiosk.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', start: `2027-01-11T${time}:00+01:00`, language: 'nl', idempotencyKey: randomUUID() });
      if (r.outcome !== 'booked') throw new Error(`expected ${time} booked, got ${r.outcome}`);
      return r.appointment.code;
    };
    // The desk locks after 5 minutes without activity on this clock: staff sign in again after each jump.
    const go = async (time: string) => {
      at = monday(time);
      await desk.call('staff.signIn', { username: 'anna', pin: '482915' });
    };
    const onTime = await book('10:00');
    const late = await book('10:30');
    const absent = await book('11:00');

    await go('09:20');
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await go('09:25');
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(async () => (await desk.call<QueueTicket[]>('queue.list')).length === 2, 10_000, 'both walk-in tickets at the hub');

    // Typed at the kiosk as people type: lower case, a space for the dash.
    await go('09:50');
    const typed = onTime.toLowerCase().replace('-', ' ');
    expect(await kiosk.call<CheckInResult>('appointments.checkIn', { code: typed })).toEqual({ outcome: 'checked-in', code: onTime, topic: 'eerste-gesprek', start: '2027-01-11T09:00:00.000Z', asWalkIn: false });
    expect((await desk.call<DayAgenda>('appointments.today')).appointments.find((a) => a.code === onTime)?.state).toBe('checked-in');
    // The desk's queue shows the checked-in visitor among the walk-ins, by the time they arrived.
    expect((await desk.call<QueueTicket[]>('queue.list')).map((t) => [t.number, t.state])).toEqual([
      ['B001', 'waiting'],
      ['B002', 'waiting'],
      [onTime, 'waiting'],
    ]);

    // 09:50 is more than 5 minutes early: the walk-in who came first is called.
    const first = await desk.call<QueueTicket>('queue.callNext');
    expect(first.number).toBe('B001');
    await desk.call('queue.close', { id: first.id, outcome: 'served' });

    // From 09:55 the appointment goes before the walk-in who has waited since 09:25.
    await go('09:56');
    const second = await desk.call<QueueTicket>('queue.callNext');
    expect(second).toMatchObject({ number: onTime, topic: 'eerste-gesprek', state: 'called' });
    await desk.call('queue.close', { id: second.id, outcome: 'served' });
    expect((await desk.call<DayAgenda>('appointments.today')).appointments.find((a) => a.code === onTime)?.state).toBe('served');

    // 20 minutes late: a walk-in now, behind the one from 09:25.
    await go('10:50');
    expect(await kiosk.call<CheckInResult>('appointments.checkIn', { code: late })).toMatchObject({ outcome: 'checked-in', asWalkIn: true });
    const third = await desk.call<QueueTicket>('queue.callNext');
    expect(third.number).toBe('B002');
    // The next call says how B002 ended; an appointment that is called is held to the same rule.
    const fourth = await desk.call<QueueTicket>('queue.callNext', { current: { id: third.id, outcome: 'served' } });
    expect(fourth.number).toBe(late);
    expect(await desk.ask('queue.callNext')).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(late) } });
    await desk.call('queue.close', { id: fourth.id, outcome: 'served' });

    // Nobody came for 11:00: staff mark it at 11:30; the day's statistics count it, by topic only.
    await go('11:30');
    expect(await desk.call<AgendaAppointment>('appointments.markNoShow', { code: absent })).toMatchObject({ state: 'no-show' });
    const shown = await desk.call<PublishedDailyStats>('stats.daily', {});
    // What staff see is suppressed (3 bookings show as "<5"); what was counted is read from the file.
    expect(shown.appointmentsBooked).toEqual([{ key: mergedKey, count: '<5' }]);
    const stats = rawDailyStats(desk.dataDir, shown.day);
    expect(stats.appointmentsBooked).toEqual([{ key: 'eerste-gesprek', count: 3 }]);
    expect(stats.appointmentsKept).toEqual([{ key: 'eerste-gesprek', count: 2 }]);
    expect(stats.appointmentsNoShow).toEqual([{ key: 'eerste-gesprek', count: 1 }]);
    expect(JSON.stringify(shown)).not.toContain(absent);
  }, 60_000);

  it('refuses what no honest screen sends, each with its own reason, and stores nothing for it', async () => {
    const at = monday('12:00');
    shop = await startShop({ now: () => at, kiosks: 1 });
    const kiosk = shop.kiosks[0];
    if (!kiosk) throw new Error('no kiosk');
    const bookAt = (start: string, topic = 'eerste-gesprek') => kiosk.ask('appointments.book', { topic, start, language: 'nl', idempotencyKey: randomUUID() });
    expect(await bookAt('2027-01-11T10:00:00+01:00')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/passed/) } });
    expect(await bookAt('2027-01-16T10:00:00+01:00')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/closed/) } });
    expect(await bookAt('2027-03-29T10:00:00+02:00')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/closed/) } });
    expect(await bookAt('2027-01-12T07:30:00+01:00')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/opening hours/) } });
    expect(await bookAt('2027-01-12T10:10:00+01:00')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not one of the times/) } });
    expect(await bookAt('2027-01-12T10:00:00+01:00', 'astrologie')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no appointment topic/) } });
    expect(await kiosk.ask('appointments.book', { topic: 'eerste-gesprek', start: 'tomorrow', language: 'nl', idempotencyKey: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await kiosk.ask('appointments.book', { topic: 'eerste-gesprek', locationId: 'utrecht-centrum', start: '2027-01-12T10:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await kiosk.ask('appointments.checkIn', { code: '<script>' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A well-formed code nobody here was given (or another shop's): not found, nothing said about whose.
    expect(await kiosk.ask('appointments.checkIn', { code: 'ACDE-FGHJ' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const tomorrow = await kiosk.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', start: '2027-01-12T10:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() });
    if (tomorrow.outcome !== 'booked') throw new Error('expected a booking');
    expect(await kiosk.call<CheckInResult>('appointments.checkIn', { code: tomorrow.appointment.code })).toEqual({ outcome: 'not-today', code: tomorrow.appointment.code, start: '2027-01-12T09:00:00.000Z' });
    expect((await shop.desk.call<DayAgenda>('appointments.today', { day: '2027-01-12' })).appointments).toHaveLength(1);
    expect(await kiosk.ask('appointments.markNoShow', { code: tomorrow.appointment.code })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await shop.desk.ask('appointments.markNoShow', { code: tomorrow.appointment.code })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);
});
