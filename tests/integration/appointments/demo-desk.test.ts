import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import type { BookResult, CheckInResult } from '../../../shared/contract/appointments-channels';
import { countRows } from '../../support/appointments-rig';
import { manualClock } from '../../support/manual-clock';
import { resourcesDir, tempDir } from '../../support/paths';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

/** Local Utrecht time on Monday 11 January 2027 (UTC+1). */
const monday = (time: string): Date => new Date(`2027-01-11T${time}+01:00`);

describe('the simulated desk of a demo kiosk', () => {
  it('calls by the queue\'s rule: a checked-in appointment that is due goes before an earlier walk-in ticket, and the kiosk can tell the visitor', async () => {
    const clock = manualClock(monday('09:20:00'));
    const dataDir = tempDir('demo-desk');
    const core = createCore({ config: demoDeviceConfig, appVersion: '1.0.0', resourcesDir, dataDir, shell: 'browser', logger: silentLogger, clock });
    cores.push(core);
    const call = async <T,>(channel: string, input: unknown = {}): Promise<T> => {
      const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.result as T;
    };
    const booked = await call<BookResult>('appointments.book', { topic: 'voucher-aanvragen', start: '2027-01-11T09:30:00+01:00', language: 'nl', idempotencyKey: randomUUID() });
    if (booked.outcome !== 'booked') throw new Error('expected a booking');
    const { code } = booked.appointment;
    const waitingTickets = () => countRows(dataDir, `SELECT count(*) FROM tickets WHERE state = 'waiting'`);

    // Minutes pass with nobody waiting: the desk calls nobody.
    clock.advance(4.5 * 60_000);
    await call('ticket.take', { topic: 'voucher' });
    expect(await call<CheckInResult>('appointments.checkIn', { code })).toMatchObject({ outcome: 'checked-in', asWalkIn: false });
    expect(await call('appointments.turn', { code })).toEqual({ turn: 'waiting' });
    expect(waitingTickets()).toBe(1);

    // 09:25, five minutes before the appointment: it is due, and goes before the ticket taken earlier.
    clock.advance(30_000);
    expect(await call('appointments.turn', { code })).toEqual({ turn: 'called' });
    expect(waitingTickets()).toBe(1);

    // A minute later the desk has served the appointment and calls the walk-in.
    clock.advance(60_000);
    expect(waitingTickets()).toBe(0);
    expect(countRows(dataDir, `SELECT count(*) FROM appointments WHERE code = ? AND state = 'served'`, code)).toBe(1);
    expect(await call('appointments.turn', { code })).toEqual({ turn: 'unknown' });
  });
});
