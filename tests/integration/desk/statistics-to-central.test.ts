import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { UsageStatistics } from '../../../shared/central-api/devices';
import { tempDir } from '../../support/paths';
import { startCounterCore } from '../../support/counter-core';
import { startSim } from '../../support/sync-rig';
import { voucherInput } from '../../support/voucher-input';
import { until } from '../../support/until';

let core: Core | undefined;
let sim: RunningSim | undefined;
afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = undefined;
});

describe('daily statistics to the central API', () => {
  it('sends each finished day once, through the outbox, as counts only: nothing personal reaches the simulator', async () => {
    sim = await startSim();
    const running = sim;
    const dataDir = tempDir('desk');
    let clock = new Date('2026-11-23T10:15:00.000Z'); // Monday, 11:15 in Zwolle
    const start = () => {
      const started = startCounterCore({ sim: running, dataDir, now: () => clock });
      core = started.core;
      return started.call;
    };

    let call = start();
    await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    const topics = [...Array<string>(6).fill('voucher'), ...Array<string>(5).fill('work'), 'money', 'money'];
    for (const topic of topics) await call('ticket.take', { topic });
    const visitor = voucherInput(5);
    const reference = (await call('voucher.start', visitor)).reference as string;
    await until(() => running.store.received().length === topics.length + 1);
    // The day is not over: nothing is counted yet.
    expect(running.store.statistics()).toEqual([]);
    await core?.close();

    // The next morning the counter starts and reports Monday; starting again reports nothing twice.
    clock = new Date('2026-11-24T07:30:00.000Z');
    call = start();
    await call('staff.signIn', { username: 'anna', pin: '482915' });
    await until(() => running.store.statistics().length === 1);
    // Stored at the simulator is not yet acknowledged at the device: wait for the answer, not just the send.
    await until(async () => {
      const status = await call('sync.status', {});
      return Number(status.queued) + Number(status.inFlight) === 0;
    }, 10_000, 'the statistics acknowledged');
    await core?.close();
    start();
    await core?.close();
    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(db.prepare(`SELECT aggregate_id AS day, status FROM outbox WHERE kind = 'statistics.daily'`).all()).toEqual([{ day: '2026-11-23', status: 'acked' }]);
    db.close();
    expect(running.store.statistics()).toHaveLength(1);

    const [sent] = running.store.statistics();
    const stats = UsageStatistics.parse(sent);
    expect(stats).toMatchObject({ locationId: 'zwolle-centrum', from: '2026-11-22T23:00:00.000Z', to: '2026-11-23T23:00:00.000Z' });
    const value = (metric: string, dimension?: string) => stats.counts.find((c) => c.metric === metric && c.dimension === dimension)?.value;
    expect(value('tickets')).toBe(13);
    expect(value('tickets-by-topic', 'voucher')).toBe(6);
    // Money's 2 is merged, and so is work's 5: 13 - 6 - 5 would otherwise give the 2 back.
    expect(value('tickets-by-topic', 'work')).toBeUndefined();
    expect(value('tickets-by-topic', 'money')).toBeUndefined();
    expect(value('tickets-by-topic', 'merged')).toBe(7);
    expect(value('requests')).toBe('<5');
    expect(value('requests-by-trajectory', visitor.trajectory)).toBeUndefined();
    expect(value('requests-by-trajectory', 'merged')).toBe('<5');
    expect(value('tickets-by-hour', 'h11')).toBe(13);
    expect(stats.counts.filter((c) => typeof c.value === 'number' && c.value > 0 && c.value < 5)).toEqual([]);
    const raw = JSON.stringify(sent);
    for (const personal of [reference, visitor.contact.name, visitor.contact.email ?? '', visitor.contact.phone ?? '', 'anna', 'Anna']) expect(raw).not.toContain(personal);
  });
});
