import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { AgendaAppointment, BookResult, CheckInResult, DayAgenda, OutpostShareSetting, SlotsResult } from '../../../shared/contract/appointments-channels';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import { startOutpost, startShop, type Device } from '../../support/appointments-rig';
import { resourcesDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const samplePackFile = join(resourcesDir, 'content', 'sample', 'pack.json');
/** Local Zwolle time on Monday 11 January 2027 (UTC+1). */
const monday = (hhmm: string): Date => new Date(`2027-01-11T${hhmm}:00+01:00`);
const iso = (hhmm: string): string => monday(hhmm).toISOString();

let sim: RunningSim | null = null;
let shop: Awaited<ReturnType<typeof startShop>> | null = null;
let outpost: Device | null = null;
afterEach(async () => {
  await outpost?.core.close();
  await shop?.close();
  await sim?.close();
  [sim, shop, outpost] = [null, null, null];
});

async function sharedShop(at: () => Date) {
  sim = await startSim({ contentPackFile: samplePackFile, now: at });
  shop = await startShop({ now: at, kiosks: 1, sim });
  const kiosk = shop.kiosks[0];
  if (!kiosk) throw new Error('no kiosk');
  const { desk } = shop;
  await until(async () => (await desk.call<{ enrollment: string }>('device.status')).enrollment === 'enrolled', 10_000, 'the counter enrolled');
  outpost = await startOutpost(sim, at);
  return { desk, kiosk, outpost };
}

const slotAt = async (d: Device, time: string, locationId?: string) => {
  const slots = await d.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', days: 1, ...(locationId ? { locationId } : {}) });
  if (slots.outcome !== 'ok') throw new Error('expected slots');
  return slots.slots.find((s) => s.start === iso(time)) ?? null;
};

const bookAt = (d: Device, time: string, locationId?: string) =>
  d.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', start: `2027-01-11T${time}:00+01:00`, language: 'nl', idempotencyKey: randomUUID(), ...(locationId ? { locationId } : {}) });

const codeOf = (r: BookResult): string => {
  if (r.outcome !== 'booked') throw new Error(`expected a booking, got ${r.outcome}`);
  return r.appointment.code;
};

describe('one owner per place: the hub and the outposts share a shop\'s slots', () => {
  it('a shop that shares 0 keeps no place back, before it ever reached the central API and while it is down; outposts get nothing there', async () => {
    const at = monday('09:00');
    sim = await startSim({ contentPackFile: samplePackFile, now: () => at });
    sim.setFaults({ down: true });
    shop = await startShop({ now: () => at, kiosks: 1, sim });
    const kiosk = shop.kiosks[0];
    if (!kiosk) throw new Error('no kiosk');
    // One adviser, never confirmed by the central API: the shop's own kiosk still gets the place.
    expect(await shop.desk.call<OutpostShareSetting>('appointments.outpostShare')).toEqual({ share: 0, confirmed: false });
    expect(await slotAt(kiosk, '10:00')).toMatchObject({ remaining: 1 });
    sim.setFaults({ down: false });
    outpost = await startOutpost(sim, () => at);
    expect(await slotAt(outpost, '10:00', 'zwolle-centrum')).toBeNull();
    expect(await bookAt(kiosk, '10:00')).toMatchObject({ outcome: 'booked' });
  }, 60_000);

  it('refuses a bad share, gives outposts only their share and the shop only the rest: hub and central bookings together never exceed the advisers', async () => {
    const at = monday('09:00');
    const { desk, kiosk, outpost: away } = await sharedShop(() => at);
    await desk.call('appointments.setCapacity', { weekday: 'monday', dayPart: 'morning', advisers: 2 });
    for (const share of [3, 1.5, -1]) expect(await desk.ask('appointments.setOutpostShare', { share })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.call<OutpostShareSetting>('appointments.outpostShare')).toEqual({ share: 0, confirmed: expect.any(Boolean) });
    await desk.call('appointments.setOutpostShare', { share: 1 });
    await until(async () => (await desk.call<OutpostShareSetting>('appointments.outpostShare')).confirmed, 10_000, 'the central API books by the new share');

    // Two advisers at 10:00: one place for the outposts, one for the shop's own kiosk and desk.
    expect(await slotAt(away, '10:00', 'zwolle-centrum')).toMatchObject({ remaining: 1 });
    expect(await slotAt(kiosk, '10:00')).toMatchObject({ remaining: 1 });

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? bookAt(kiosk, '10:00') : bookAt(away, '10:00', 'zwolle-centrum'))));
    expect(answers.filter((a) => a.outcome === 'booked')).toHaveLength(2);
    expect(answers.filter((a) => a.outcome === 'taken')).toHaveLength(18);

    await until(async () => (await desk.call<DayAgenda>('appointments.today')).appointments.length === 2, 10_000, 'the outpost booking pulled into the desk\'s agenda');
    const ten = (await desk.call<DayAgenda>('appointments.today')).appointments.filter((a) => a.start === iso('10:00'));
    expect(ten.map((a) => a.bookedVia).sort()).toEqual(['central', 'kiosk']);
    expect(await slotAt(kiosk, '10:00')).toBeNull();
    expect(await slotAt(away, '10:00', 'zwolle-centrum')).toBeNull();
    expect(await desk.call<BookResult>('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: '2027-01-11T10:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() })).toMatchObject({ outcome: 'taken' });
  }, 60_000);

  it('an outpost booking checks in at the shop\'s kiosk by its code and is called before an earlier walk-in; cancels go both ways; a no-show is marked', async () => {
    let at = monday('09:00');
    const { desk, kiosk, outpost: away } = await sharedShop(() => at);
    const go = async (time: string) => {
      at = monday(time);
      await desk.call('staff.signIn', { username: 'anna', pin: '482915' });
    };
    await desk.call('appointments.setOutpostShare', { share: 1 });
    await until(async () => (await desk.call<OutpostShareSetting>('appointments.outpostShare')).confirmed, 10_000, 'the central API books by the new share');
    // With one adviser and a share of one, the outposts hold every place: the shop's kiosk offers none.
    expect(await slotAt(kiosk, '10:00')).toBeNull();

    const visit = codeOf(await bookAt(away, '10:00', 'zwolle-centrum'));
    const absent = codeOf(await bookAt(away, '10:30', 'zwolle-centrum'));
    const cancelledAtDesk = codeOf(await bookAt(away, '11:00', 'zwolle-centrum'));
    const cancelledAway = codeOf(await bookAt(away, '11:30', 'zwolle-centrum'));
    await until(async () => (await desk.call<DayAgenda>('appointments.today')).appointments.length === 4, 10_000, 'four outpost bookings in the desk\'s agenda');

    await go('09:20');
    await kiosk.call('ticket.take', { topic: 'voucher' });
    await until(async () => (await desk.call<QueueTicket[]>('queue.list')).length === 1, 10_000, 'the walk-in ticket at the hub');
    await go('09:56');
    expect(await kiosk.call<CheckInResult>('appointments.checkIn', { code: visit.toLowerCase().replace('-', ' ') })).toMatchObject({ outcome: 'checked-in', code: visit, asWalkIn: false });
    const called = await desk.call<QueueTicket>('queue.callNext');
    expect(called).toMatchObject({ number: visit, state: 'called' });
    await desk.call('queue.close', { id: called.id, outcome: 'served' });

    // The desk cancels one: the outbox tells the central API, and its place is free for outposts again.
    expect(await desk.call('appointments.cancel', { code: cancelledAtDesk })).toMatchObject({ outcome: 'cancelled', code: cancelledAtDesk });
    await until(async () => (await slotAt(away, '11:00', 'zwolle-centrum'))?.remaining === 1, 10_000, 'the desk\'s cancel reached the central API');
    // The visitor cancels the other at the outpost: the next pull cancels it in the desk's agenda.
    expect(await away.call('appointments.cancel', { code: cancelledAway })).toMatchObject({ outcome: 'cancelled' });
    const stateOf = async (code: string) => (await desk.call<DayAgenda>('appointments.today')).appointments.find((a) => a.code === code)?.state;
    await until(async () => (await stateOf(cancelledAway)) === 'cancelled', 10_000, 'the outpost\'s cancel pulled by the hub');

    await go('10:50');
    expect(await desk.call<AgendaAppointment>('appointments.markNoShow', { code: absent })).toMatchObject({ state: 'no-show', bookedVia: 'central' });
    expect(await desk.ask('appointments.cancel', { code: absent })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);
  it('a raised share never gives outposts a slot the shop\'s own kiosk already filled, but does give them an empty one', async () => {
    const at = monday('09:00');
    const { desk, kiosk, outpost: away } = await sharedShop(() => at);
    // One adviser, share 0: the shop's kiosk fills 10:00.
    codeOf(await bookAt(kiosk, '10:00'));
    await desk.call('appointments.setOutpostShare', { share: 1 });
    await until(async () => (await desk.call<OutpostShareSetting>('appointments.outpostShare')).confirmed, 10_000, 'the central API books by the raised share');

    expect(await slotAt(away, '10:00', 'zwolle-centrum')).toBeNull();
    expect(await bookAt(away, '10:00', 'zwolle-centrum')).toMatchObject({ outcome: 'taken' });
    expect(await slotAt(away, '10:30', 'zwolle-centrum')).toMatchObject({ remaining: 1 });
    codeOf(await bookAt(away, '10:30', 'zwolle-centrum'));
    await until(async () => (await desk.call<DayAgenda>('appointments.today')).appointments.length === 2, 10_000, 'the outpost booking pulled');
    const agenda = (await desk.call<DayAgenda>('appointments.today')).appointments;
    expect(agenda.map((a) => [a.start, a.bookedVia])).toEqual([[iso('10:00'), 'kiosk'], [iso('10:30'), 'central']]);
  }, 60_000);

  it('the shop\'s kiosk, a share raise and outposts booking one slot at once never book more than its advisers', async () => {
    const at = monday('09:00');
    const { desk, kiosk, outpost: away } = await sharedShop(() => at);
    await desk.call('appointments.setCapacity', { weekday: 'monday', dayPart: 'morning', advisers: 2 });
    await until(async () => (await desk.call<OutpostShareSetting>('appointments.outpostShare')).confirmed, 10_000, 'the central API books by the share of 0');
    // One of the two places is the shop's already: a share of 2 must still leave outposts one at most.
    codeOf(await bookAt(kiosk, '10:00'));

    const fromOutposts: BookResult[] = [];
    const outpostsTry = async () => {
      // Outposts keep trying until the central API books by the raised share, and once after.
      for (let i = 0; i < 300; i++) {
        const done = (await desk.call<OutpostShareSetting>('appointments.outpostShare')).confirmed && i > 0;
        fromOutposts.push(await bookAt(away, '10:00', 'zwolle-centrum'));
        if (done) return;
      }
    };
    const [fromKiosk] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => bookAt(kiosk, '10:00'))),
      desk.call('appointments.setOutpostShare', { share: 2 }),
      outpostsTry(),
      outpostsTry(),
    ]);
    const kioskBooked = 1 + fromKiosk.filter((a) => a.outcome === 'booked').length;
    const outpostsBooked = fromOutposts.filter((a) => a.outcome === 'booked').length;
    // Whichever side wins the race, the two places go once each.
    expect(kioskBooked + outpostsBooked).toBe(2);
    await until(async () => (await desk.call<DayAgenda>('appointments.today')).appointments.length === 2, 10_000, 'the outpost bookings pulled');
    expect(await slotAt(away, '10:00', 'zwolle-centrum')).toBeNull();
    expect(await slotAt(kiosk, '10:00')).toBeNull();
  }, 90_000);
});
