import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import type { DailyStats } from '../../../shared/stats/daily-stats';
import { startCounterCore } from '../../support/counter-core';
import { rawDailyStats } from '../../support/raw-stats';

let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** One counter core with two staff members, each signed in at a desk client of their own. */
async function twoDesks() {
  const started = startCounterCore();
  core = started.core;
  const desk = (client: string) => ({
    call: async <T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> => {
      const r = await started.core.dispatch(channel, input, { transport: 'test', client });
      if (!r.ok) throw new Error(`${channel} at ${client}: ${r.error.code} ${r.error.message}`);
      return r.result as T;
    },
    dispatch: (channel: string, input: unknown) => started.core.dispatch(channel, input, { transport: 'test', client }),
  });
  const anna = desk('desk-anna');
  /** The day's counts before suppression: these tests check what was counted, not what is shown. */
  const counted = async (): Promise<DailyStats> => rawDailyStats(started.dataDir, (await anna.call<{ day: string }>('stats.daily', {})).day);
  const bram = desk('desk-bram');
  await anna.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await anna.call('staff.add', { username: 'bram', displayName: 'Bram', pin: '730164', role: 'staff' });
  await bram.call('staff.signIn', { username: 'bram', pin: '730164' });
  return { anna, bram, counted };
}

const take = async (desk: { call(channel: string, input: unknown): Promise<Record<string, unknown>> }, count: number): Promise<string[]> => {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) numbers.push(String((await desk.call('ticket.take', { topic: i % 2 ? 'work' : 'voucher' })).number));
  return numbers;
};

describe('no visitor without an outcome', () => {
  it('refuses the next call while the caller has a called ticket, and takes its outcome with the next call', async () => {
    const { anna, counted } = await twoDesks();
    const [a1, a2, a3] = await take(anna, 3);
    const first = await anna.call<QueueTicket>('queue.callNext', {});
    expect(first).toMatchObject({ number: a1, state: 'called', mine: true });

    // Alt+N again without an outcome: refused, nothing changes.
    const refused = await anna.dispatch('queue.callNext', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'current' }] } });
    expect((await anna.call<QueueTicket[]>('queue.list', {})).map((x) => [x.number, x.state])).toEqual([[a1, 'called'], [a2, 'waiting'], [a3, 'waiting']]);

    // An outcome for a ticket that is not the caller's current one is refused too.
    const wrong = await anna.dispatch('queue.callNext', { current: { id: '0190a4b8-0000-7000-8000-000000000000', outcome: 'served' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const second = await anna.call<QueueTicket>('queue.callNext', { current: { id: first.id, outcome: 'no-show' } });
    expect(second).toMatchObject({ number: a2, mine: true });
    const third = await anna.call<QueueTicket>('queue.callNext', { current: { id: second.id, outcome: 'served' } });
    expect(third).toMatchObject({ number: a3 });
    // The last one closed and nobody left: the call answers null and nothing stays called.
    expect(await anna.call('queue.callNext', { current: { id: third.id, outcome: 'served' } })).toBeNull();
    expect(await anna.call('queue.list', {})).toEqual([]);
    // No current ticket any more: an outcome given anyway is refused rather than ignored.
    expect(await anna.dispatch('queue.callNext', { current: { id: third.id, outcome: 'served' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const stats = await counted();
    expect(stats.ticketOutcomes).toEqual([
      { key: 'served', count: 2 },
      { key: 'no-show', count: 1 },
    ]);
  });

  it('two staff calling at once get different tickets: none skipped, none called twice', async () => {
    const { anna, bram, counted } = await twoDesks();
    const numbers = await take(anna, 12);
    const called: string[] = [];
    let current: Record<string, QueueTicket | null> = { anna: null, bram: null };
    // Six rounds: both desks press Alt+N in the same moment, each giving the outcome of its own visitor.
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all(
        ([['anna', anna], ['bram', bram]] as const).map(([who, desk]) => {
          const mine = current[who];
          return desk.call<QueueTicket | null>('queue.callNext', mine ? { current: { id: mine.id, outcome: round % 2 ? 'served' : 'no-show' } } : {});
        }),
      );
      current = { anna: a ?? null, bram: b ?? null };
      for (const x of [a, b]) if (x) called.push(x.number);
    }
    expect(called.slice().sort()).toEqual(numbers.slice().sort());
    expect(new Set(called).size).toBe(12);

    // Each desk sees only its own ticket as "mine".
    const seenByAnna = await anna.call<QueueTicket[]>('queue.list', {});
    expect(seenByAnna.filter((x) => x.mine).map((x) => x.number)).toEqual([current.anna?.number]);
    const seenByBram = await bram.call<QueueTicket[]>('queue.list', {});
    expect(seenByBram.filter((x) => x.mine).map((x) => x.number)).toEqual([current.bram?.number]);

    // Both close their last visitor by calling again: nobody waits, nothing stays called.
    await Promise.all([anna.call('queue.callNext', { current: { id: current.anna?.id, outcome: 'served' } }), bram.call('queue.callNext', { current: { id: current.bram?.id, outcome: 'served' } })]);
    const stats = await counted();
    expect(stats.ticketOutcomes.map((c) => c.key).sort()).toEqual(['no-show', 'served']);
    expect(stats.ticketOutcomes.reduce((n, c) => n + c.count, 0)).toBe(12);
  });

  it('counts a ticket still called (the visitor at a desk) as served, never as called without outcome', async () => {
    const { anna, counted } = await twoDesks();
    await take(anna, 2);
    await anna.call('queue.callNext', {});
    const stats = await counted();
    expect(stats.ticketOutcomes).toEqual([
      { key: 'served', count: 1 },
      { key: 'waiting', count: 1 },
    ]);
  });
});

describe('ticket topics come from the content pack', () => {
  it('refuses a topic the pack does not have, with the topic named, and stores nothing', async () => {
    const { anna } = await twoDesks();
    for (const topic of ['werk', 'studie', 'geld']) {
      const refused = await anna.dispatch('ticket.take', { topic });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `The content pack has no topic "${topic}".`, issues: [{ path: 'topic' }] } });
    }
    expect(await anna.call('queue.list', {})).toEqual([]);
    expect(await anna.call('ticket.take', { topic: 'work' })).toMatchObject({ topic: 'work' });
    expect(await anna.call('ticket.take', { topic: 'other' })).toMatchObject({ topic: 'other' });
  });
});
