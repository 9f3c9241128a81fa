import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHubClient } from '../../../electron/core/hub/hub-client';
import { hubIdentity, hubPsk } from '../../../electron/core/hub/hub-psk';
import { UsageStatistics } from '../../../shared/central-api/devices';
import type { KioskCountsReport, KioskDayCounts } from '../../../shared/hub/kiosk-counts';
import type { CounterCore } from '../../support/counter-core';
import { freePort } from '../../support/free-port';
import { closedAfterEach, enroll, startHub as startHubInto, startHubKiosk, zwolle } from '../../support/hub-rig';
import { tempDir } from '../../support/paths';
import { rawDailyStats } from '../../support/raw-stats';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';

const location = zwolle;
const { cores, sims } = closedAfterEach();

const monday = '2026-11-23';

const startHub = (options: Parameters<typeof startHubInto>[1]) => startHubInto(cores, options);

async function stopHub(hub: CounterCore): Promise<void> {
  await hub.core.close();
  cores.splice(cores.indexOf(hub.core), 1);
}

/** A demo kiosk (the sample pack's campaigns) behind the hub, whose visitors scan letters and answer "Hoe was je bezoek?". */
function startKiosk(port: number, locationKey: string, prefix: string, now: () => Date) {
  const { core, call } = startHubKiosk(cores, { port, locationKey, prefix, demo: true, now });
  return {
    core,
    contact: () => core.hubHeartbeat?.sendNow(),
    heartbeat: async () => expect(await core.hubHeartbeat?.sendNow()).toBe(true),
    /** `n` visitors who scan a letter of the campaign. */
    invited: async (n: number, code = 'ZW-HERSTART-01') => {
      for (let i = 0; i < n; i++) expect(await call('invitation.check', { code, language: 'nl' })).toMatchObject({ status: 'valid' });
    },
    feedback: async (n: number, rating: 'good' | 'okay' | 'bad', services: Array<'ticket' | 'scan'>) => {
      for (let i = 0; i < n; i++) expect(await call('feedback.give', { visit: randomUUID(), rating, services })).toEqual({ counted: true });
    },
  };
}

const campaigns = (hub: CounterCore) => rawDailyStats(hub.dataDir, monday).invitationsByCampaign;
const feedback = (hub: CounterCore) => rawDailyStats(hub.dataDir, monday).feedback;

describe('a kiosk\'s own counts reach the location hub\'s statistics', () => {
  it('two kiosks, heartbeats resent, the hub restarted and a kiosk replaced: every visit counted exactly once', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hubDir = tempDir('counts-hub');
    const now = () => new Date(`${monday}T10:00:00.000Z`);
    let hub = await startHub({ port, locationKey, dataDir: hubDir, now });
    const a = startKiosk(port, locationKey, 'B', now);
    const b = startKiosk(port, locationKey, 'C', now);
    await enroll(hub, a.contact);
    await enroll(hub, b.contact);

    await a.invited(3);
    await a.feedback(2, 'good', ['ticket', 'scan']);
    await b.invited(4);
    await b.invited(1, 'LBW45-AB12CD');
    await b.feedback(1, 'bad', ['ticket']);
    await a.heartbeat();
    await b.heartbeat();
    const expected = [
      { key: 'voorbeeld-45-landelijk', count: 1 },
      { key: 'zwolle-herstart-2026', count: 7 },
    ];
    expect(campaigns(hub)).toEqual(expected);
    expect(feedback(hub)).toEqual([
      { service: 'scan', rating: 'good', count: 2 },
      { service: 'ticket', rating: 'bad', count: 1 },
      { service: 'ticket', rating: 'good', count: 2 },
    ]);

    // Heartbeats resent, twice at once too: the hub keeps each kiosk's latest totals, so nothing adds up twice.
    await Promise.all([a.heartbeat(), a.heartbeat(), b.heartbeat()]);
    await a.heartbeat();
    expect(campaigns(hub)).toEqual(expected);

    // The counter restarts: what the kiosks reported is still there, and new visits add to it.
    await stopHub(hub);
    await a.invited(2);
    hub = await startHub({ port, locationKey, dataDir: hubDir, now, firstRun: false });
    expect(campaigns(hub)).toEqual(expected);
    await a.heartbeat();
    await b.heartbeat();
    expect(campaigns(hub)).toEqual([expected[0], { key: 'zwolle-herstart-2026', count: 9 }]);

    // Kiosk C breaks and a new one takes its letter: C's visits stay, the new kiosk's are added.
    await b.core.close();
    cores.splice(cores.indexOf(b.core), 1);
    const replacement = startKiosk(port, locationKey, 'C', now);
    await enroll(hub, replacement.contact);
    await replacement.invited(5);
    await replacement.heartbeat();
    await replacement.heartbeat();
    expect(campaigns(hub)).toEqual([expected[0], { key: 'zwolle-herstart-2026', count: 14 }]);

    // What leaves the location (the desk's view here) is suppressed as every other count.
    const published = await hub.call('stats.daily', { day: monday });
    expect(published).toMatchObject({ invitations: 15, invitationsByCampaign: [{ key: 'merged', count: 15 }] });
  }, 60_000);

  it('refuses a damaged day with its reason and stores the others; refuses a report that is not one', async () => {
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const now = () => new Date(`${monday}T10:00:00.000Z`);
    const hub = await startHub({ port, locationKey, dataDir: tempDir('counts-hub'), now });
    const client = createHubClient({ url: `https://127.0.0.1:${port}`, psk: hubPsk(locationKey, location.id), identity: hubIdentity(location.id, 'D', 'abcdefabcdef0123'), appVersion: '1.4.0', requestTimeoutMs: 2000, now });
    const good: KioskDayCounts = { day: monday, version: 6, invitationsByCampaign: [{ key: 'zwolle-herstart-2026', count: 6 }], feedback: [] };
    const report = { closedThrough: null, days: [good] };
    // Not enrolled yet: nothing is stored.
    expect(await client.reportCounts(report)).toMatchObject({ sent: false, reason: expect.stringMatching(/not enrolled/) as string });
    expect(campaigns(hub)).toEqual([]);
    await enroll(hub, () => client.reportCounts(report));

    const damaged = [
      { ...good, version: 7 },
      { ...good, day: '2026-11-22', invitationsByCampaign: [{ key: 'ZW HERSTART', count: 6 }] },
      { ...good, day: '2026-11-21', invitationsByCampaign: [{ key: 'zwolle-herstart-2026', count: 3 }, { key: 'zwolle-herstart-2026', count: 3 }] },
      { ...good, day: '2026-12-30' },
      { ...good, day: '2026-11-20', feedback: [{ service: 'bsn', rating: 'good', count: 1 }], version: 7 },
      'garbage',
    ];
    const outcome = await client.reportCounts({ closedThrough: null, days: [good, ...damaged] as KioskCountsReport['days'] });
    expect(outcome).toEqual({
      sent: true,
      ack: {
        stored: [{ day: monday, version: 6 }],
        refused: [
          { index: 1, reason: expect.stringMatching(/^version: the version must be the sum of the day's counts \(6\)/) as string },
          { index: 2, reason: expect.stringMatching(/^invitationsByCampaign\[0\]\.key: /) as string },
          { index: 3, reason: 'invitationsByCampaign: a campaign is listed twice' },
          { index: 4, reason: expect.stringMatching(/after the hub's 2026-11-24/) as string },
          { index: 5, reason: expect.stringMatching(/^feedback\[0\]\.service/) as string },
          { index: 6, reason: expect.stringMatching(/^\(root\)/) as string },
        ],
      },
    });
    expect(campaigns(hub)).toEqual([{ key: 'zwolle-herstart-2026', count: 6 }]);
    // An older report of the day (a lower total, arriving late) does not undo the newer one.
    await client.reportCounts({ closedThrough: null, days: [{ ...good, version: 2, invitationsByCampaign: [{ key: 'zwolle-herstart-2026', count: 2 }] }] });
    expect(campaigns(hub)).toEqual([{ key: 'zwolle-herstart-2026', count: 6 }]);

    const envelope = await client.exchange('/hub/v1/counts', { closedThrough: 'yesterday', days: [] });
    expect(envelope).toEqual({ status: 422, body: { reason: expect.stringMatching(/^the counts report does not match the hub contract: closedThrough/) as string } });
  }, 30_000);

  it('a hub that was down for a day sends that day to the central API only with the kiosk\'s counts of it', async () => {
    const central = await startSim();
    sims.push(central);
    const port = await freePort();
    const locationKey = randomBytes(32).toString('base64url');
    const hubDir = tempDir('counts-hub');
    let clock = new Date(`${monday}T08:00:00.000Z`);
    const now = () => clock;
    let hub = await startHub({ port, locationKey, dataDir: hubDir, now, sim: central });
    const kiosk = startKiosk(port, locationKey, 'B', now);
    await enroll(hub, kiosk.contact);
    await kiosk.invited(4);
    await kiosk.heartbeat();

    // The counter goes down at noon; the kiosk goes on counting for the rest of Monday.
    await stopHub(hub);
    clock = new Date(`${monday}T14:00:00.000Z`);
    await kiosk.invited(3);

    // Tuesday morning the counter is back: Monday waits for the kiosk to say it is over.
    clock = new Date('2026-11-24T07:30:00.000Z');
    hub = await startHub({ port, locationKey, dataDir: hubDir, now, sim: central, firstRun: false });
    await until(async () => (await hub.call('sync.status', {})).queued === 0, 10_000, 'the hub\'s outbox empty');
    expect(central.store.statistics()).toEqual([]);
    await kiosk.heartbeat();
    await until(() => central.store.statistics().length === 1, 10_000, 'Monday\'s statistics at the central API');
    const stats = UsageStatistics.parse(central.store.statistics()[0]);
    expect(stats.counts.find((c) => c.metric === 'invitations')?.value).toBe(7);

    // Heartbeats go on: Monday is never sent again.
    await kiosk.heartbeat();
    await until(async () => (await hub.call('sync.status', {})).queued === 0, 10_000, 'the hub\'s outbox empty');
    expect(central.store.statistics()).toHaveLength(1);
  }, 60_000);
});
