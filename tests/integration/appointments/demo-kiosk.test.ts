import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import type { AppointmentsOverview, BookResult, CheckInResult, SlotsResult } from '../../../shared/contract/appointments-channels';
import type { SignUpResult } from '../../../shared/contract/sessions-channels';
import { resourcesDir, tempDir } from '../../support/paths';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

describe('a demo kiosk on its own', () => {
  it('books a conversation and a session seat in its embedded agenda and checks in with the slip\'s code', async () => {
    let at = new Date('2027-01-11T08:00:00.000Z');
    const core = createCore({ config: demoDeviceConfig, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('demo-kiosk'), shell: 'browser', logger: silentLogger, now: () => at });
    cores.push(core);
    const call = async <T,>(channel: string, input: unknown = {}): Promise<T> => {
      const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.result as T;
    };
    expect(await call<AppointmentsOverview>('appointments.overview')).toMatchObject({ route: 'local', outpost: false, locations: [{ locationId: 'utrecht-centrum' }] });
    const slots = await call<SlotsResult>('appointments.slots', { topic: 'voucher-aanvragen', days: 1 });
    const first = slots.outcome === 'ok' ? slots.slots[0] : undefined;
    expect(first?.start).toBe('2027-01-11T08:30:00.000Z');
    const booked = await call<BookResult>('appointments.book', { topic: 'voucher-aanvragen', start: first?.start, firstName: 'Sam', language: 'en', idempotencyKey: randomUUID() });
    if (booked.outcome !== 'booked') throw new Error('expected a booking');
    expect(booked.appointment.printJobId).not.toBeNull();
    // The demo's virtual printer shows the slip on screen, the QR holding the code.
    const preview = await call<{ html: string }>('print.preview', { jobId: booked.appointment.printJobId });
    expect(preview.html).toContain(booked.appointment.code);
    expect(preview.html).toContain('Your appointment');
    expect(await call('print.job', { jobId: booked.appointment.printJobId })).toMatchObject({ kind: 'appointment-slip', code: booked.appointment.code, qrPayload: booked.appointment.code });
    at = new Date('2027-01-11T08:27:00.000Z');
    expect(await call<CheckInResult>('appointments.checkIn', { code: booked.appointment.code.replace('-', '') })).toMatchObject({ outcome: 'checked-in', asWalkIn: false });
    const seat = await call<SignUpResult>('sessions.signUp', { sessionId: 'utrecht-voucher-avond-2027-01', language: 'nl', idempotencyKey: randomUUID() });
    expect(seat.outcome).toBe('signed-up');
  });
});
