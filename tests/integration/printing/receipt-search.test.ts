import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import type { PrintJobSummary } from '../../../shared/printing/print-job';
import { startCounterCore } from '../../support/counter-core';
import { voucherInput } from '../../support/voucher-input';

let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('the counter finds a receipt on a busy day', () => {
  it('by part of its code as typed, by kind and by Dutch day', async () => {
    // 23:30 and 00:30 Dutch time: one UTC date, two service days.
    let now = new Date('2026-02-12T22:30:00Z');
    const started = startCounterCore({ now: () => now });
    core = started.core;
    const { call } = started;
    await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    const late = String((await call('voucher.start', voucherInput(1))).reference);
    await call('ticket.take', { topic: 'work' });
    now = new Date('2026-02-12T23:30:00Z');
    // An hour later the desk has locked itself: sign in again.
    await call('staff.signIn', { username: 'anna', pin: '482915' });
    const early = String((await call('voucher.start', voucherInput(2))).reference);
    await call('request.complete', { reference: early, identityDocument: 'passport', bsn: '111222333' });
    await call('ticket.take', { topic: 'voucher' });

    const jobs = async (input: Record<string, unknown>) => ((await call('print.recent', input)).jobs as PrintJobSummary[]).map((j) => `${j.kind} ${j.code}`);
    expect(await jobs({})).toHaveLength(5);
    const typed = `${early.slice(0, 4).toLowerCase()} ${early.slice(5, 7).toLowerCase()}`;
    expect(await jobs({ code: typed })).toEqual([`final-receipt ${early}`, `voucher-receipt ${early}`]);
    expect(await jobs({ code: early, kind: 'final-receipt' })).toEqual([`final-receipt ${early}`]);
    // Ticket numbers start again each service day.
    expect(await jobs({ kind: 'queue-ticket' })).toEqual(['queue-ticket A001', 'queue-ticket A001']);
    expect(await jobs({ day: '2026-02-12' })).toEqual(['queue-ticket A001', `voucher-receipt ${late}`]);
    expect(await jobs({ day: '2026-02-13', kind: 'queue-ticket' })).toEqual(['queue-ticket A001']);
    expect(await jobs({ day: '2026-02-14' })).toEqual([]);
    expect(await jobs({ code: 'ZZZZ' })).toEqual([]);
    // A wildcard of SQL is only a character that no code has.
    expect(await jobs({ code: '%' })).toEqual([]);
    expect(await jobs({ day: '2026-02-13', limit: 1 })).toHaveLength(1);
  });
});
