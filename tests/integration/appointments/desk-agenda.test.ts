import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import type { AgendaAppointment, BookResult, CapacitySetting, DayAgenda } from '../../../shared/contract/appointments-channels';
import type { SessionAttendees, SignUpResult } from '../../../shared/contract/sessions-channels';
import { mondayMorning } from '../../support/appointments-rig';
import { startCounterCore } from '../../support/counter-core';
import type { DecodedReceipt } from '../../support/printer-emulator/decode-escpos';
import { startPrinterEmulator, type PrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter } from '../../support/printing-fixtures';

const cores: Core[] = [];
let emulator: PrinterEmulator | null = null;
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await emulator?.close();
  emulator = null;
});

async function desk(options: { printer?: PrinterEmulator } = {}) {
  const counter = startCounterCore({ now: () => mondayMorning, config: options.printer ? { printer: emulatorPrinter(options.printer) } : {} });
  cores.push(counter.core);
  await counter.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  return counter;
}

const at = (local: string) => `2027-01-12T${local}:00+01:00`;

describe('today\'s agenda at the counter', () => {
  it('sets advisers per day part, books, moves and cancels, each refusal specific', async () => {
    const counter = await desk();
    const setting = (await counter.call('appointments.setCapacity', { date: '2027-01-12', dayPart: 'morning', advisers: 0 })) as CapacitySetting;
    expect(setting.exceptions).toEqual([{ date: '2027-01-12', dayPart: 'morning', advisers: 0 }]);
    const refused = (await counter.call('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: at('10:00'), language: 'nl', idempotencyKey: randomUUID() })) as BookResult;
    expect(refused.outcome).toBe('taken');
    expect(refused.outcome === 'taken' && refused.alternatives.every((s) => s.start >= '2027-01-12T11:00:00.000Z' || s.start < '2027-01-12T00:00:00.000Z')).toBe(true);
    await counter.call('appointments.setCapacity', { date: '2027-01-12', dayPart: 'morning', advisers: null });
    const booked = (await counter.call('appointments.bookAtDesk', { topic: 'cv-hulp', start: at('10:00'), firstName: 'Noor', language: 'nl', idempotencyKey: randomUUID() })) as BookResult;
    if (booked.outcome !== 'booked') throw new Error('expected a booking');
    expect(booked.appointment).toMatchObject({ start: '2027-01-12T09:00:00.000Z', end: '2027-01-12T10:00:00.000Z' });
    // The hour-long appointment fills the one adviser of 10:00 and 10:30.
    expect(((await counter.call('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: at('10:30'), language: 'nl', idempotencyKey: randomUUID() })) as BookResult).outcome).toBe('taken');

    // Moving to a full time is refused as a whole: the appointment keeps its place.
    const blocker = (await counter.call('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: at('13:30'), language: 'nl', idempotencyKey: randomUUID() })) as BookResult;
    expect(blocker.outcome).toBe('booked');
    const full = (await counter.call('appointments.rebook', { code: booked.appointment.code, start: at('13:00'), idempotencyKey: randomUUID() })) as BookResult;
    expect(full.outcome).toBe('taken');
    expect(((await counter.call('appointments.today', { day: '2027-01-12' })) as DayAgenda).appointments.find((a) => a.code === booked.appointment.code)).toMatchObject({ state: 'booked', firstName: 'Noor' });
    const moved = (await counter.call('appointments.rebook', { code: booked.appointment.code, start: at('14:00'), idempotencyKey: randomUUID() })) as BookResult;
    if (moved.outcome !== 'booked') throw new Error('expected the move to work');
    const day = (await counter.call('appointments.today', { day: '2027-01-12' })) as DayAgenda;
    expect(day.appointments.map((a) => [a.code, a.state, a.firstName])).toEqual([
      [booked.appointment.code, 'cancelled', null],
      [blocker.outcome === 'booked' ? blocker.appointment.code : '', 'booked', null],
      [moved.appointment.code, 'booked', 'Noor'],
    ]);
    expect(await counter.dispatch('appointments.rebook', { code: booked.appointment.code, start: at('15:00'), idempotencyKey: randomUUID() }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await counter.dispatch('appointments.checkInByStaff', { code: moved.appointment.code }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/another day/) } });
    expect(((await counter.call('appointments.cancel', { code: moved.appointment.code })) as { outcome: string }).outcome).toBe('cancelled');
  }, 60_000);

  it('prints a session\'s attendee list for staff, with codes and first names', async () => {
    emulator = await startPrinterEmulator({ dialect: 'epson' });
    const counter = await desk({ printer: emulator });
    const seats: string[] = [];
    for (const firstName of ['Aya', undefined, 'Joost']) {
      const seat = (await counter.call('sessions.signUp', { sessionId: 'zwolle-voucher-avond-2027-01', ...(firstName ? { firstName } : {}), language: 'nl', idempotencyKey: randomUUID() })) as SignUpResult;
      if (seat.outcome !== 'signed-up') throw new Error('expected a seat');
      seats.push(seat.seat.code);
    }
    await emulator.waitForReceipts(3);
    const list = (await counter.call('sessions.attendees', { sessionId: 'zwolle-voucher-avond-2027-01' })) as SessionAttendees;
    expect(list.session).toMatchObject({ signedUp: 3, capacity: 25 });
    expect(list.attendees.map((a) => a.firstName)).toEqual(['Aya', null, 'Joost']);
    await counter.call('sessions.printAttendees', { sessionId: 'zwolle-voucher-avond-2027-01' });
    const receipts = await emulator.waitForReceipts(4);
    const lines = (receipts[3] as DecodedReceipt).lines.map((l) => l.text.trim());
    const text = lines.join(' ');
    expect(text).toContain('Deelnemerslijst');
    expect(text).toContain('donderdag 14 januari, 19.30 uur');
    expect(text).toContain('3 van 25 plaatsen bezet');
    expect(lines).toContain(`1. ${seats[0]} Aya`);
    expect(lines).toContain(`2. ${seats[1]} (geen naam)`);
    expect(lines).toContain(`3. ${seats[2]} Joost`);
    expect(text).toContain('Alleen voor medewerkers.');
    expect((receipts[3] as DecodedReceipt).qrCodes).toEqual([]);
    expect(await counter.dispatch('sessions.attendees', { sessionId: 'utrecht-cv-workshop-2026-12' }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 60_000);

  it('marks a no-show only after the time has passed', async () => {
    const counter = await desk();
    const booked = (await counter.call('appointments.bookAtDesk', { topic: 'eerste-gesprek', start: '2027-01-11T09:30:00+01:00', language: 'nl', idempotencyKey: randomUUID() })) as BookResult;
    if (booked.outcome !== 'booked') throw new Error('expected a booking');
    expect(await counter.dispatch('appointments.markNoShow', { code: booked.appointment.code }, { transport: 'test', client: 'test' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/not started/) } });
    const checkedIn = (await counter.call('appointments.checkInByStaff', { code: booked.appointment.code.replace('-', '') })) as AgendaAppointment;
    expect(checkedIn).toMatchObject({ state: 'checked-in', asWalkIn: false });
  }, 60_000);
});
