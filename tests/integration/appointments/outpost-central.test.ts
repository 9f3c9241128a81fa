import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import type { AppointmentsOverview, BookResult, CancelResult, SlotsResult } from '../../../shared/contract/appointments-channels';
import type { SessionsListResult, SignUpResult } from '../../../shared/contract/sessions-channels';
import { countRows, mondayMorning, startOutpost } from '../../support/appointments-rig';
import { resourcesDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';

const samplePackFile = join(resourcesDir, 'content', 'sample', 'pack.json');
let sim: RunningSim | null = null;
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await sim?.close();
  sim = null;
});

async function outpostKiosk(central: RunningSim) {
  const kiosk = await startOutpost(central, () => mondayMorning);
  cores.push(kiosk.core);
  return kiosk;
}

describe('an outpost kiosk books at its region\'s staffed shop through the central API', () => {
  it('offers only booking, lists the shop with its hours, and gives no tickets', async () => {
    sim = await startSim({ contentPackFile: samplePackFile, now: () => mondayMorning, outpostPlaces: 1 });
    const kiosk = await outpostKiosk(sim);
    const overview = await kiosk.call<AppointmentsOverview>('appointments.overview');
    expect(overview).toMatchObject({ route: 'central', outpost: true });
    expect(overview.locations.map((l) => l.locationId)).toEqual(['zwolle-centrum']);
    expect(overview.locations[0]).toMatchObject({ phone: '038 200 20 20', address: 'Proefplein 3, 8011 CD Zwolle' });
    expect(await kiosk.ask('ticket.take', { topic: 'voucher' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await kiosk.ask('appointments.checkIn', { code: 'K7QD-M3XA' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.ask('appointments.slots', { topic: 'eerste-gesprek', locationId: 'utrecht-centrum' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 30_000);

  it('20 simultaneous bookings for the last place: 1 booked at the simulator, 19 "taken" with alternatives; a retry books nothing twice', async () => {
    sim = await startSim({ contentPackFile: samplePackFile, now: () => mondayMorning, outpostPlaces: 1 });
    const [a, b] = [await outpostKiosk(sim), await outpostKiosk(sim)];
    const slots = await a.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', days: 1 });
    if (slots.outcome !== 'ok') throw new Error('expected slots');
    const last = slots.slots.find((s) => s.start === '2027-01-11T10:00:00.000Z');
    expect(last).toMatchObject({ remaining: 1 });
    const inputs = Array.from({ length: 20 }, () => ({ topic: 'eerste-gesprek', locationId: 'zwolle-centrum', start: '2027-01-11T11:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() }));
    const answers = await Promise.all(inputs.map((input, i) => (i % 2 ? a : b).call<BookResult>('appointments.book', input)));
    const booked = answers.filter((x) => x.outcome === 'booked');
    expect(booked).toHaveLength(1);
    expect(answers.filter((x) => x.outcome === 'taken' && x.alternatives.length > 0)).toHaveLength(19);
    const winner = inputs[answers.findIndex((x) => x.outcome === 'booked')];
    const again = await a.call<BookResult>('appointments.book', winner);
    expect(again.outcome === 'booked' && booked[0]?.outcome === 'booked' && again.appointment.code).toBe(booked[0]?.outcome === 'booked' && booked[0].appointment.code);
    // The same key for another time is refused, not booked.
    expect(await a.ask('appointments.book', { ...winner, start: '2027-01-11T12:00:00+01:00' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const after = await a.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', days: 1 });
    expect(after.outcome === 'ok' && after.slots.map((s) => s.start)).not.toContain('2027-01-11T10:00:00.000Z');
    // The visitor cancels with the code at the outpost: the place is free again.
    const code = booked[0]?.outcome === 'booked' ? booked[0].appointment.code : '';
    expect(await a.call<CancelResult>('appointments.cancel', { code: code.toLowerCase().replace('-', ' ') })).toMatchObject({ outcome: 'cancelled', kind: 'appointment', code });
    const freed = await a.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', days: 1 });
    expect(freed.outcome === 'ok' && freed.slots.find((s) => s.start === '2027-01-11T10:00:00.000Z')).toMatchObject({ remaining: 1 });
  }, 60_000);

  it('signs up for a region session at the shop, and the last seat goes once', async () => {
    sim = await startSim({ contentPackFile: samplePackFile, now: () => mondayMorning, outpostPlaces: 1 });
    const kiosk = await outpostKiosk(sim);
    const list = await kiosk.call<SessionsListResult>('sessions.list');
    expect(list.outcome === 'ok' && list.sessions.map((s) => s.id)).toEqual(['zwolle-voucher-avond-2027-01', 'zwolle-zorg-2027-02']);
    for (let i = 0; i < 24; i++) expect((await kiosk.call<SignUpResult>('sessions.signUp', { sessionId: 'zwolle-voucher-avond-2027-01', language: 'nl', idempotencyKey: randomUUID() })).outcome).toBe('signed-up');
    const answers = await Promise.all(Array.from({ length: 20 }, () => kiosk.call<SignUpResult>('sessions.signUp', { sessionId: 'zwolle-voucher-avond-2027-01', language: 'nl', idempotencyKey: randomUUID() })));
    expect(answers.filter((x) => x.outcome === 'signed-up')).toHaveLength(1);
    expect(answers.filter((x) => x.outcome === 'full')).toHaveLength(19);
  }, 60_000);

  it('a booking whose answer was lost is found again by its key: never lost, never twice', async () => {
    sim = await startSim({ contentPackFile: samplePackFile, now: () => mondayMorning, outpostPlaces: 1 });
    const kiosk = await outpostKiosk(sim);
    const input = { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', start: '2027-01-11T11:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() };
    sim.setFaults({ ackLossRate: 1 });
    // The kiosk asks twice with the key; both answers are lost: it says it cannot book now, and prints nothing.
    expect(await kiosk.call<BookResult>('appointments.book', input)).toMatchObject({ outcome: 'unreachable' });
    expect(countRows(kiosk.dataDir, 'SELECT count(*) FROM print_jobs')).toBe(0);
    sim.setFaults({});
    // The visitor taps "try again": the screen sends the same key, and gets the booking that was made.
    const again = await kiosk.call<BookResult>('appointments.book', input);
    expect(again.outcome).toBe('booked');
    const slots = await kiosk.call<SlotsResult>('appointments.slots', { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', days: 1 });
    expect(slots.outcome === 'ok' && slots.slots.map((s) => s.start)).not.toContain('2027-01-11T10:00:00.000Z');
    expect(countRows(kiosk.dataDir, 'SELECT count(*) FROM print_jobs')).toBe(1);
  }, 30_000);

  it('with the central API down: "cannot book now" with the shop\'s phone, and nothing stored or printed', async () => {
    sim = await startSim({ contentPackFile: samplePackFile, now: () => mondayMorning, outpostPlaces: 1 });
    const kiosk = await outpostKiosk(sim);
    sim.setFaults({ down: true });
    const answer = await kiosk.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', locationId: 'zwolle-centrum', start: '2027-01-11T11:00:00+01:00', language: 'nl', idempotencyKey: randomUUID() });
    expect(answer).toMatchObject({ outcome: 'unreachable', contact: { name: 'Loopbaanwinkel Zwolle', phone: '038 200 20 20' } });
    expect(countRows(kiosk.dataDir, 'SELECT count(*) FROM print_jobs')).toBe(0);
    expect(countRows(kiosk.dataDir, 'SELECT count(*) FROM appointments')).toBe(0);
  }, 30_000);
});
