import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import { dailyStatsCsv, type PublishedDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey } from '../../../shared/stats/suppression';
import { startCounterCore } from '../../support/counter-core';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
let core: Core | undefined;
let sim: RunningSim | undefined;

afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = undefined;
});

async function counter(central?: RunningSim) {
  const started = startCounterCore({ sim: central });
  core = started.core;
  await started.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  return started;
}

describe('the walk-in queue at the desk', () => {
  it('lists waiting tickets oldest first, calls the oldest, and closes it as served or no-show', async () => {
    const { call, dispatch } = await counter();
    const numbers = [];
    for (const topic of ['voucher', 'work', 'voucher']) numbers.push((await call('ticket.take', { topic })).number);
    const list = (await call('queue.list', {})) as unknown as Array<{ number: string; state: string }>;
    expect(list.map((x) => x.number)).toEqual(numbers);
    const first = await call('queue.callNext', {});
    expect(first).toMatchObject({ number: numbers[0], state: 'called', topic: 'voucher' });
    expect(await call('queue.close', { id: first.id, outcome: 'served' })).toMatchObject({ state: 'served' });
    const second = await call('queue.callNext', {});
    expect(await call('queue.close', { id: second.id, outcome: 'no-show' })).toMatchObject({ state: 'no-show' });
    expect(await dispatch('queue.close', { id: first.id, outcome: 'no-show' }, t)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const left = (await call('queue.list', {})) as unknown as Array<{ number: string; state: string }>;
    expect(left).toEqual([expect.objectContaining({ number: numbers[2], state: 'waiting' })]);
    expect(await call('queue.status', {})).toMatchObject({ called: [{ number: numbers[1] }, { number: numbers[0] }], waiting: 1 });
    const third = await call('queue.callNext', {});
    expect(await call('queue.callNext', { current: { id: third.id, outcome: 'served' } })).toBeNull();

    // The waiting-room screen keeps showing numbers while nobody is signed in at the desk; the queue itself does not.
    await call('staff.signOut', {});
    expect(await dispatch('queue.list', {}, t)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const screen = await call('queue.status', {});
    expect(screen).toEqual({ called: numbers.slice().reverse().map((number) => ({ number, calledAt: expect.any(String) })), waiting: 0 });
  });
});

describe('completing a request at the desk', () => {
  it('seals the BSN at rest, sends the completion to the central API exactly once, then purges the BSN', async () => {
    sim = await startSim();
    const { call, dataDir, dispatch } = await counter(sim);
    const started = await call('voucher.start', voucherInput(7));
    const reference = String(started.reference);

    const opened = await call('request.find', { reference: `  ${reference.toLowerCase()} ` });
    expect(opened).toMatchObject({ reference, status: 'started', contact: { name: 'Testbezoeker Nummer7' }, identity: null });

    const bad = await dispatch('request.complete', { reference, identityDocument: 'passport', bsn: '111222334' }, t);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'bsn' }] } });

    const done = await call('request.complete', { reference, identityDocument: 'passport', bsn: '111 222 333' });
    expect(done).toMatchObject({ status: 'completed', identity: { document: 'passport', bsnMasked: '••••••333' } });
    expect(JSON.stringify(done)).not.toContain('111222333');

    const bytes = Buffer.concat(['device.sqlite', 'device.sqlite-wal'].map((f) => { try { return readFileSync(join(dataDir, f)); } catch { return Buffer.alloc(0); } }));
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from('111222333'))).toBe(false);
    expect(bytes.includes(Buffer.from('Testbezoeker'))).toBe(false);

    await until(async () => ((await call('request.find', { reference })) as { identity: { bsnMasked: string | null } }).identity.bsnMasked === null);
    const received = sim.store.received().filter((r) => r.reference === reference);
    expect(received.map((r) => r.kind)).toEqual(['voucher-request', 'voucher-request-completion']);
    expect(await dispatch('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' }, t)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('cancels a started request with a reason and refuses to complete it after', async () => {
    const { call, dispatch } = await counter();
    const reference = String((await call('voucher.start', voucherInput(3))).reference);
    expect(await call('request.cancel', { reference, reason: 'Bezoeker wil eerst een gesprek' })).toMatchObject({ status: 'cancelled', cancelReason: 'Bezoeker wil eerst een gesprek' });
    expect(await dispatch('request.complete', { reference, identityDocument: 'identity-card', bsn: '111222333' }, t)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch('request.find', { reference: 'AAAA-AAAA' }, t)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('daily statistics at the desk', () => {
  it('counts the day without a single piece of personal data, suppresses small counts, and exports it as CSV', async () => {
    const { call } = await counter();
    for (const topic of ['voucher', 'work', 'voucher', 'work', 'voucher', 'work', 'voucher', 'work', 'voucher', 'work']) await call('ticket.take', { topic });
    const served = await call('queue.callNext', {});
    await call('queue.close', { id: served.id, outcome: 'served' });
    const a = String((await call('voucher.start', voucherInput(1))).reference);
    await call('voucher.start', voucherInput(2));
    await call('request.complete', { reference: a, identityDocument: 'passport', bsn: '111222333' });

    const stats = (await call('stats.daily', {})) as unknown as PublishedDailyStats;
    expect(stats.tickets).toBe(10);
    expect(stats.ticketsByTopic).toEqual([{ key: 'voucher', count: 5 }, { key: 'work', count: 5 }]);
    // 9 waiting and 1 served: the served one is small, and 10 - 9 would give it away, so both merge.
    expect(stats.ticketOutcomes).toEqual([{ key: mergedKey, count: 10 }]);
    expect(stats.requests).toBe('<5');
    expect(stats.requestOutcomes).toEqual([{ key: mergedKey, count: '<5' }]);
    expect(JSON.stringify(stats)).not.toMatch(/"count":[1-4][,}]/);
    const text = JSON.stringify(stats) + dailyStatsCsv(stats);
    for (const secret of ['Testbezoeker', 'voorbeeld.nl', '111222333', a]) expect(text).not.toContain(secret);
    expect(dailyStatsCsv(stats).split('\n')[0]).toBe('day,section,key,count');
    expect(dailyStatsCsv(stats)).toContain(`${stats.day},tickets-by-topic,voucher,5`);
    expect(dailyStatsCsv(stats)).toContain(`${stats.day},total,requests,<5`);
    expect(dailyStatsCsv({ ...stats, ticketsByTopic: [{ key: '=cmd', count: 5 }] })).toContain(`,tickets-by-topic,'=cmd,5`);
    expect((await call('stats.daily', { day: '2020-01-01' })).tickets).toBe(0);
  });
});

describe('subject access at the desk', () => {
  it('shows and exports what is stored (BSN masked), erases on request, withdraws an unsent request, and audits each step', async () => {
    const { call, dispatch, dataDir } = await counter();
    const reference = String((await call('voucher.start', voucherInput(8))).reference);
    await call('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' });

    const shown = await call('privacy.find', { reference });
    expect(shown).toMatchObject({ sentToCentral: false, personalDataErased: false, request: { contact: { name: 'Testbezoeker Nummer8' }, identity: { bsnMasked: '••••••333' } } });
    const exported = await call('privacy.export', { reference });
    expect(String(exported.json)).toContain('Testbezoeker Nummer8');
    expect(String(exported.json)).not.toContain('111222333');
    const printed = await call('privacy.print', { reference });
    expect(printed).toMatchObject({ request: { reference, contact: { name: 'Testbezoeker Nummer8' }, identity: { bsnMasked: '••••••333' } } });
    expect(JSON.stringify(printed)).not.toContain('111222333');

    // Staff may look, only a location manager may erase.
    await call('staff.add', { username: 'bram', displayName: 'Bram', pin: '739164', role: 'staff' });
    await call('staff.signOut', {});
    await call('staff.signIn', { username: 'bram', pin: '739164' });
    expect(await dispatch('privacy.erase', { reference, reason: 'verzoek bezoeker' }, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call('staff.signOut', {});
    await call('staff.signIn', { username: 'anna', pin: '482915' });

    const erased = await call('privacy.erase', { reference, reason: 'Verzoek van de bezoeker' });
    expect(erased).toMatchObject({ personalDataErased: true, request: { contact: null, identity: { bsnMasked: null } } });
    expect((await call('sync.status', {})).queued).toBe(0);
    const trail = (erased.trail as Array<{ action: string }>).map((x) => x.action);
    expect(trail).toEqual(expect.arrayContaining(['voucher-request.started', 'voucher-request.completed', 'privacy.viewed', 'privacy.exported', 'privacy.printed', 'privacy.erased']));
    // Looking something up for the visitor is audited as what it is, not also as "opened" each time.
    expect(trail).not.toContain('voucher-request.opened');
    const bytes = Buffer.concat(['device.sqlite', 'device.sqlite-wal'].map((f) => { try { return readFileSync(join(dataDir, f)); } catch { return Buffer.alloc(0); } }));
    expect(bytes.includes(Buffer.from('Testbezoeker Nummer8'))).toBe(false);
  });
});
