import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import { freePort } from '../../support/free-port';
import { closedAfterEach, enroll, startHub, startHubKiosk } from '../../support/hub-rig';
import { rawDailyStats } from '../../support/raw-stats';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const { cores, sims } = closedAfterEach();

describe('"talk to someone about this" after the self-scan', () => {
  it('the kiosk\'s ticket carries the scan\'s areas to the desk\'s queue; the central API gets the anonymous record without them', async () => {
    const central = await startSim();
    sims.push(central);
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hub = await startHub(cores, { port, locationKey, sim: central });
    const kiosk = startHubKiosk(cores, { port, locationKey, demo: true });
    await enroll(hub, () => kiosk.core.hubHeartbeat?.sendNow());
    expect(await kiosk.core.hubHeartbeat?.sendNow()).toBe(true);

    const scanTicket = (await kiosk.call('ticket.take', { topic: 'work', scanAreas: ['R', 'S'] })).number as string;
    const plainTicket = (await kiosk.call('ticket.take', { topic: 'voucher' })).number as string;
    const queue = async () => (await hub.call('queue.list', {})) as unknown as QueueTicket[];
    await until(async () => (await queue()).length === 2, 20_000, 'both tickets in the desk\'s queue');
    expect((await queue()).map((t) => ({ number: t.number, topic: t.topic, scanAreas: t.scanAreas }))).toEqual([
      { number: scanTicket, topic: 'work', scanAreas: ['R', 'S'] },
      { number: plainTicket, topic: 'voucher', scanAreas: [] },
    ]);
    // The central API's record has no place for them: it took both tickets, so the hub left the areas out.
    await until(() => central.store.received().filter((r) => r.kind === 'queue-ticket').length === 2, 20_000, 'both tickets at the central API');
    expect((await hub.call('sync.status', {})).needsAttention).toEqual([]);

    // The counter's own ticket from a scan shows them too.
    await hub.call('ticket.take', { topic: 'learning', scanAreas: ['I', 'A', 'C'] });
    expect((await queue()).at(-1)).toMatchObject({ topic: 'learning', scanAreas: ['I', 'A', 'C'] });
  }, 60_000);

  it('refuses areas that are not the scan\'s: a letter twice, more than three, an unknown letter, an answer', async () => {
    const port = await freePort();
    const now = new Date('2026-11-23T10:00:00.000Z');
    const kiosk = startHubKiosk(cores, { port, locationKey: randomBytes(32).toString('base64url'), demo: true, now: () => now });
    const refused = async (scanAreas: unknown) => {
      const r = await kiosk.core.dispatch('ticket.take', { topic: 'work', scanAreas }, { transport: 'test', client: 'test' });
      return r.ok ? null : `${r.error.code}: ${JSON.stringify(r.error)}`;
    };
    expect(await refused(['R', 'R'])).toMatch(/^invalid_input: .*an interest area is listed twice/);
    expect(await refused(['R', 'I', 'A', 'S'])).toMatch(/^invalid_input: .*scanAreas/);
    expect(await refused(['X'])).toMatch(/^invalid_input: .*scanAreas\[0\]/);
    expect(await refused([])).toMatch(/^invalid_input: .*scanAreas/);
    expect(await refused({ R: 'yes' })).toMatch(/^invalid_input: .*scanAreas/);
    // Nothing was stored for any of them: the valid one is the day's only ticket.
    await kiosk.call('ticket.take', { topic: 'work', scanAreas: ['E'] });
    expect(rawDailyStats(kiosk.dataDir, '2026-11-23').ticketsByTopic).toEqual([{ key: 'work', count: 1 }]);
  }, 30_000);
});
