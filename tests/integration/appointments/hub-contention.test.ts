import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookResult, CapacitySetting, SlotsResult } from '../../../shared/contract/appointments-channels';
import type { SessionsListResult, SignUpResult } from '../../../shared/contract/sessions-channels';
import { countRows, mondayMorning, startShop, type Answer } from '../../support/appointments-rig';

let shop: Awaited<ReturnType<typeof startShop>> | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

const now = () => mondayMorning;
const booking = (start: string) => ({ topic: 'eerste-gesprek', start, language: 'nl', idempotencyKey: randomUUID() });
const results = <T,>(answers: Answer[]): T[] =>
  answers.map((a) => {
    if (!a.ok) throw new Error(`refused: ${a.error.code} ${a.error.message}`);
    return a.result as T;
  });

describe('the last place, booked from the kiosks through the hub at once', () => {
  it('20 simultaneous bookings for a slot with 1 place left: exactly 1 booked, 19 calm "taken" with the next free times', async () => {
    shop = await startShop({ now, kiosks: 4 });
    const { desk, kiosks } = shop;
    const capacity = await desk.call<CapacitySetting>('appointments.setCapacity', { weekday: 'monday', dayPart: 'morning', advisers: 2 });
    expect(capacity.weekly).toContainEqual({ weekday: 'monday', dayPart: 'morning', advisers: 2 });
    const slots = await kiosks[0]?.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', days: 1 });
    if (slots?.outcome !== 'ok') throw new Error('expected slots');
    const target = slots.slots.find((s) => s.start === '2027-01-11T09:30:00.000Z');
    expect(target).toMatchObject({ remaining: 2, end: '2027-01-11T10:00:00.000Z' });
    // One place goes at the desk (a phone booking), one is left.
    expect((await desk.call<BookResult>('appointments.bookAtDesk', booking('2027-01-11T10:30:00+01:00'))).outcome).toBe('booked');

    const attempts = Array.from({ length: 20 }, (_, i) => ({ kiosk: kiosks[i % kiosks.length], input: booking('2027-01-11T09:30:00.000Z') }));
    const answers = results<BookResult>(await Promise.all(attempts.map((a) => a.kiosk?.ask('appointments.book', a.input) as Promise<Answer>)));
    const booked = answers.filter((a) => a.outcome === 'booked');
    const taken = answers.filter((a) => a.outcome === 'taken');
    expect(booked).toHaveLength(1);
    expect(taken).toHaveLength(19);
    for (const t of taken) {
      if (t.outcome !== 'taken') continue;
      expect(t.alternatives.length).toBeGreaterThan(0);
      expect(t.alternatives.map((s) => s.start)).not.toContain('2027-01-11T09:30:00.000Z');
      expect(t.alternatives.every((s) => s.remaining > 0)).toBe(true);
    }
    expect(countRows(desk.dataDir, `SELECT count(*) FROM appointments WHERE start_at = ? AND state <> 'cancelled'`, '2027-01-11T09:30:00.000Z')).toBe(2);

    // The winner's kiosk asks again with the same key (a lost answer): the same booking, not a third.
    const winner = attempts[answers.findIndex((a) => a.outcome === 'booked')];
    const again = await winner?.kiosk?.call<BookResult>('appointments.book', winner.input);
    expect(again?.outcome === 'booked' && booked[0]?.outcome === 'booked' && again.appointment.code === booked[0].appointment.code).toBe(true);
    expect(countRows(desk.dataDir, `SELECT count(*) FROM appointments WHERE state <> 'cancelled'`)).toBe(2);
    // Nothing of the agenda is kept at the kiosks: the counter owns it.
    for (const k of kiosks) expect(countRows(k.dataDir, 'SELECT count(*) FROM appointments')).toBe(0);
  }, 60_000);

  it('20 simultaneous sign-ups for the last seat of a session: exactly 1 seat, 19 "full" with other sessions', async () => {
    shop = await startShop({ now, kiosks: 4 });
    const { desk, kiosks } = shop;
    const list = await kiosks[0]?.call<SessionsListResult>('sessions.list', {});
    if (list?.outcome !== 'ok') throw new Error('expected sessions');
    const evening = list.sessions.find((s) => s.id === 'zwolle-voucher-avond-2027-01');
    expect(evening).toMatchObject({ capacity: 25, remaining: 25, cancelled: false });
    for (let i = 0; i < 24; i++) expect((await desk.call<SignUpResult>('sessions.signUp', { sessionId: 'zwolle-voucher-avond-2027-01', language: 'nl', idempotencyKey: randomUUID() })).outcome).toBe('signed-up');

    const answers = results<SignUpResult>(
      await Promise.all(Array.from({ length: 20 }, (_, i) => kiosks[i % kiosks.length]?.ask('sessions.signUp', { sessionId: 'zwolle-voucher-avond-2027-01', language: 'en', idempotencyKey: randomUUID() }) as Promise<Answer>)),
    );
    expect(answers.filter((a) => a.outcome === 'signed-up')).toHaveLength(1);
    const full = answers.filter((a) => a.outcome === 'full');
    expect(full).toHaveLength(19);
    expect(full[0]?.outcome === 'full' && full[0].alternatives.map((s) => s.id)).toEqual(['zwolle-zorg-2027-02']);
    expect(countRows(desk.dataDir, `SELECT count(*) FROM session_seats WHERE session_id = ? AND state = 'signed-up'`, 'zwolle-voucher-avond-2027-01')).toBe(25);
    const attendees = await desk.call<{ session: { signedUp: number } }>('sessions.attendees', { sessionId: 'zwolle-voucher-avond-2027-01' });
    expect(attendees.session.signedUp).toBe(25);
  }, 60_000);
});

describe('when the hub is down', () => {
  it('the kiosk says it cannot book now, gives the shop\'s phone and hours, and stores nothing', async () => {
    shop = await startShop({ now, kiosks: 1 });
    const kiosk = shop.kiosks[0];
    await shop.closeCounter();
    const answer = await kiosk?.call<BookResult>('appointments.book', booking('2027-01-11T09:30:00.000Z'));
    expect(answer).toMatchObject({ outcome: 'unreachable', contact: { locationId: 'zwolle-centrum', phone: '038 200 20 20', address: 'Proefplein 3, 8011 CD Zwolle' } });
    expect(answer?.outcome === 'unreachable' && answer.contact?.openingTimes).toContainEqual({ weekday: 'thursday', open: '09:00', close: '20:00' });
    expect((await kiosk?.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek' }))?.outcome).toBe('unreachable');
    expect((await kiosk?.call('sessions.signUp', { sessionId: 'zwolle-zorg-2027-02', language: 'nl', idempotencyKey: randomUUID() }))?.outcome).toBe('unreachable');
    expect(countRows(kiosk?.dataDir ?? '', 'SELECT count(*) FROM print_jobs')).toBe(0);
    expect(countRows(kiosk?.dataDir ?? '', 'SELECT count(*) FROM appointments')).toBe(0);
  }, 60_000);
});
