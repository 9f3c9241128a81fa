import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { startCounterCore } from '../../support/counter-core';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync, startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { eligibleAnswers, samplePack, voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A kiosk in Utrecht (region midden-utrecht) with the sample pack, unless told otherwise; a fixed Dutch morning. */
function kiosk(config: Partial<DeviceConfig> = {}, sim?: RunningSim) {
  const dataDir = tempDir('kiosk-rules');
  const core = createCore({
    config: { ...demoDeviceConfig, ...config },
    appVersion: 'test',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    now: () => new Date('2026-11-24T09:30:00+01:00'),
    syncTuning: fastSync,
    ...(sim ? { enrollmentCode: async () => sim.issueEnrollmentCode() } : {}),
  });
  cleanups.push(() => core.close());
  return { core, dataDir, start: (input: unknown) => core.dispatch('voucher.start', input, t) };
}

/** What the kiosk wrote: every table a started request touches, counted in the real file. */
function rowsWritten(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { requests: count('voucher_requests'), outbox: count('outbox'), audit: count('audit'), printJobs: count('print_jobs') };
  } finally {
    db.close();
  }
}
const nothing = { requests: 0, outbox: 0, audit: 0, printJobs: 0 };

const notLivingHere = { ...eligibleAnswers, livesInNetherlands: false };
const withBenefit = { ...eligibleAnswers, hasBenefit: true };
const forgedEligible = { outcome: 'eligible', reasonCodes: [], provisional: false, ruleSetVersion: samplePack().eligibility.version };

describe('voucher.start at the kiosk: the core decides, not the screen', () => {
  it('refuses a forged outcome, answers the rules call not eligible or leave open, and every provider the pack does not allow here, each naming the field and writing nothing', async () => {
    const { dataDir, start } = kiosk();
    const refusals: Array<{ what: string; input: unknown; issue: { path: string; message?: unknown } }> = [
      // A screen that sends an outcome of its own, whatever the answers say: the contract has no such field any more.
      { what: 'forged eligible outcome, not-eligible answers', input: { ...voucherInput(1), answers: notLivingHere, eligibility: forgedEligible }, issue: { path: '(root)' } },
      { what: 'forged not-eligible outcome, eligible answers', input: { ...voucherInput(1), eligibility: { ...forgedEligible, outcome: 'notEligible', reasonCodes: ['min-age'] } }, issue: { path: '(root)' } },
      // What the kiosk sent before: an outcome and no answers. The old core stored this not-eligible request as it came.
      { what: 'an outcome and no answers (the old kiosk input)', input: { ...voucherInput(1), answers: undefined, eligibility: { ...forgedEligible, outcome: 'notEligible', reasonCodes: ['lives-in-nl'] } }, issue: { path: 'answers' } },
      { what: 'answers the rules call not eligible', input: { ...voucherInput(1), answers: notLivingHere }, issue: { path: 'answers', message: expect.stringContaining('lives-in-nl') } },
      { what: 'a seventeen-year-old', input: { ...voucherInput(1), answers: { ...eligibleAnswers, birthDate: '2009-06-01' } }, issue: { path: 'answers', message: expect.stringContaining('min-age') } },
      { what: 'an incomplete check', input: { ...voucherInput(1), answers: { birthDate: '1986-05-17', livesInNetherlands: true } }, issue: { path: 'answers.hadVoucher', message: expect.stringContaining('needs an answer') } },
      { what: 'no answers at all', input: { ...voucherInput(1), answers: {} }, issue: { path: 'answers.birthDate' } },
      { what: 'an answer to a question the rules do not ask', input: { ...voucherInput(1), answers: { ...eligibleAnswers, shoeSize: '44' } }, issue: { path: 'answers.shoeSize', message: expect.stringContaining('unknownQuestion') } },
      { what: 'a provider the pack does not list', input: { ...voucherInput(1), providerId: 'bestaat-niet' }, issue: { path: 'providerId', message: expect.stringContaining('lists no provider "bestaat-niet"') } },
      // kompasmeeuw offers ontwikkeladvies, but in Groningen and Drenthe.
      { what: 'a provider of another region', input: { ...voucherInput(3), providerId: 'kompasmeeuw' }, issue: { path: 'providerId', message: expect.stringContaining('region "midden-utrecht"') } },
      // kromme-rijn-werkwijzer works here, but only does the Loopbaan-APK.
      { what: 'a provider here without that trajectory', input: { ...voucherInput(3), providerId: 'kromme-rijn-werkwijzer' }, issue: { path: 'providerId', message: expect.stringContaining('does not offer ontwikkeladvies') } },
    ];
    for (const { what, input, issue } of refusals) {
      const answer = await start(input);
      expect(answer, what).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining(issue)]) } });
      expect(rowsWritten(dataDir), what).toEqual(nothing);
    }
    // The same request with the answers and a provider the pack allows here goes through: the refusals were about what they named.
    expect(await start({ ...voucherInput(3), providerId: 'domtorenvalk' })).toMatchObject({ ok: true });
    expect(rowsWritten(dataDir)).toMatchObject({ requests: 1, outbox: 1, audit: 1 });
  });

  it('refuses every request on a kiosk without an active content pack, saying why, and writes nothing', async () => {
    const { dataDir, start } = kiosk({ demo: false });
    const answer = await start(voucherInput(1));
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('voucher rules are not available') } });
    expect(rowsWritten(dataDir)).toEqual(nothing);
  });

  it("stores the core's own outcome and reason codes, never the answers, and sends that outcome to the central API", async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const { dataDir, start } = kiosk({ centralApiUrl: sim.url }, sim);
    const version = samplePack().eligibility.version;
    const eligible = await start({ ...voucherInput(1), providerId: 'kromme-rijn-werkwijzer' });
    const staff = await start({ ...voucherInput(3), answers: withBenefit, providerId: 'domtorenvalk' });
    if (!eligible.ok || !staff.ok) throw new Error('a request the rules allow was refused');
    const references = [eligible, staff].map((r) => (r.result as { reference: string }).reference);

    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    const stored = references.map((reference) => db.prepare('SELECT provider_id AS provider, eligibility FROM voucher_requests WHERE reference = ?').get(reference) as { provider: string; eligibility: string });
    const audit = (db.prepare(`SELECT detail FROM audit WHERE action = 'voucher-request.started' ORDER BY id`).all() as Array<{ detail: string }>).map((a) => JSON.parse(a.detail) as { outcome: string });
    db.close();
    expect(stored.map((s) => ({ provider: s.provider, eligibility: JSON.parse(s.eligibility) as unknown }))).toEqual([
      { provider: 'kromme-rijn-werkwijzer', eligibility: { outcome: 'eligible', reasonCodes: [], provisional: true, ruleSetVersion: version } },
      { provider: 'domtorenvalk', eligibility: { outcome: 'needsStaff', reasonCodes: ['no-benefit'], provisional: false, ruleSetVersion: version } },
    ]);
    expect(audit.map((a) => a.outcome)).toEqual(['eligible', 'needsStaff']);

    // Data kept minimal: no answer reaches the disk, in the database or its WAL.
    const bytes = Buffer.concat([deviceDatabaseName, `${deviceDatabaseName}-wal`].map((f) => { try { return readFileSync(join(dataDir, f)); } catch { return Buffer.alloc(0); } }));
    for (const answer of ['1986-05-17', 'livesInNetherlands', 'hasBenefit']) expect(bytes.includes(Buffer.from(answer)), answer).toBe(false);

    await until(() => sim.store.received().filter((r) => references.includes(r.reference)).length === 2, 10_000, 'both requests at the central API');
    const bodies = sim.store.db.prepare(`SELECT body FROM received WHERE kind = 'voucher-request' ORDER BY seq`).all() as Array<{ body: string }>;
    const sent = bodies.map((b) => JSON.parse(b.body) as Record<string, unknown>);
    expect(sent.map((b) => b.eligibility)).toEqual(stored.map((s) => JSON.parse(s.eligibility) as unknown));
    for (const body of sent) expect(body).not.toHaveProperty('answers');
  });

  it('takes the same path at the desk: a provider of another region is refused there too', async () => {
    const desk = startCounterCore();
    cleanups.push(() => desk.core.close());
    await desk.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
    const walkIn = { answers: eligibleAnswers, trajectory: 'ontwikkeladvies', providerId: 'domtorenvalk', contact: { name: 'Baliebezoeker Walkin', email: 'walkin@voorbeeld.nl' }, language: 'nl', consentConfirmed: true };
    expect(await desk.dispatch('request.startAtDesk', walkIn, t)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'providerId', message: expect.stringContaining('region "regio-zwolle"') }] } });
    expect(await desk.dispatch('request.startAtDesk', { ...walkIn, providerId: 'vechtpaard-loopbaan' }, t)).toMatchObject({ ok: true });
  });
});
