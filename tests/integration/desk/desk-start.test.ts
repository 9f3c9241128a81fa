import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import type { DeskStartInput } from '../../../shared/contract/desk-channels';
import type { PublishedDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey } from '../../../shared/stats/suppression';
import { startCounterCore } from '../../support/counter-core';
import { resourcesDir, tempDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
const cores: Core[] = [];
let sim: RunningSim | undefined;

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await sim?.close();
  sim = undefined;
});

/** A walk-in of 41 who lives here, never had a voucher and has no benefit: eligible by the sample rules. */
const eligibleAnswers = { birthDate: '1985-03-14', livesInNetherlands: true, hadVoucher: false, openTrajectory: false, hasBenefit: false };

function walkIn(overrides: Partial<DeskStartInput> = {}): DeskStartInput {
  return {
    answers: eligibleAnswers,
    trajectory: 'loopbaan-apk',
    providerId: 'vechtpaard-loopbaan',
    contact: { name: 'Baliebezoeker Walkin', email: 'walkin@voorbeeld.nl' },
    language: 'en',
    consentConfirmed: true,
    ...overrides,
  };
}

async function counter(central?: RunningSim) {
  const started = startCounterCore({ sim: central, sampleContent: true });
  cores.push(started.core);
  await started.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  return started;
}

/** Reads the device database beside the running core (WAL allows a second reader). */
function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const storedRequests = (dataDir: string) => readDb(dataDir, (db) => (db.prepare('SELECT count(*) AS n FROM voucher_requests').get() as { n: number }).n);
const storedMessages = (dataDir: string) => readDb(dataDir, (db) => (db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'voucher-request.submit'`).get() as { n: number }).n);

describe('starting a request at the desk', () => {
  it('is refused by the core without a signed-in staff member and on a kiosk', async () => {
    const fresh = startCounterCore();
    cores.push(fresh.core);
    expect(await fresh.dispatch('request.startAtDesk', walkIn(), t)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const kiosk = createCore({
      config: DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' }),
      appVersion: 'test',
      resourcesDir,
      dataDir: tempDir('kiosk'),
      shell: 'browser',
      logger: silentLogger,
    });
    cores.push(kiosk);
    expect(await kiosk.dispatch('request.startAtDesk', walkIn(), t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(storedRequests(fresh.dataDir)).toBe(0);
  });

  it('refuses answers that leave the check open or unusable, a not-eligible outcome, a wrong provider and missing consent, storing nothing', async () => {
    const { dispatch, dataDir } = await counter();
    const open = await dispatch('request.startAtDesk', walkIn({ answers: { birthDate: '1985-03-14', livesInNetherlands: true } }), t);
    expect(open).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'answers.hadVoucher' }] } });
    expect(open.ok ? '' : open.error.message).toContain('not complete');

    const typo = await dispatch('request.startAtDesk', walkIn({ answers: { ...eligibleAnswers, birthDate: '1985-13-14' } }), t);
    expect(typo).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'answers.birthDate', message: expect.stringContaining('notADate') }] } });

    const notEligible = await dispatch('request.startAtDesk', walkIn({ answers: { ...eligibleAnswers, livesInNetherlands: false } }), t);
    expect(notEligible).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'answers', message: expect.stringContaining('lives-in-nl') }] } });

    const provider = await dispatch('request.startAtDesk', walkIn({ providerId: 'bestaat-niet' }), t);
    expect(provider).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'providerId' }] } });

    const noConsent = await dispatch('request.startAtDesk', { ...walkIn(), consentConfirmed: false }, t);
    expect(noConsent).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'consentConfirmed' }] } });

    const noContact = await dispatch('request.startAtDesk', walkIn({ contact: { name: ' ' } as DeskStartInput['contact'] }), t);
    expect(noContact).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(noContact.ok ? [] : noContact.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['contact.name', 'contact.email']));

    expect(storedRequests(dataDir)).toBe(0);
    expect(storedMessages(dataDir)).toBe(0);
  });

  it('accepts "staff decide" like the kiosk does, with the outcome the core worked out', async () => {
    const { call } = await counter();
    const started = await call('request.startAtDesk', walkIn({ answers: { ...eligibleAnswers, hasBenefit: true } }));
    expect(started).toMatchObject({ status: 'started', origin: 'desk', eligibility: { outcome: 'needsStaff', reasonCodes: ['no-benefit'] } });
  });

  it('stores the request with origin desk, the contact sealed, the staff member audited and no first receipt; completed, it reaches the central API exactly once', async () => {
    sim = await startSim();
    const { call, dataDir } = await counter(sim);
    const started = await call('request.startAtDesk', walkIn());
    const reference = String(started.reference);
    expect(started).toMatchObject({
      status: 'started',
      origin: 'desk',
      trajectory: 'loopbaan-apk',
      providerId: 'vechtpaard-loopbaan',
      language: 'en',
      contact: { name: 'Baliebezoeker Walkin', email: 'walkin@voorbeeld.nl' },
      eligibility: { outcome: 'eligible', provisional: true },
      identity: null,
    });
    // A kiosk request beside it keeps its own origin.
    const kioskReference = String((await call('voucher.start', voucherInput(4))).reference);
    expect(await call('request.find', { reference: kioskReference })).toMatchObject({ origin: 'kiosk' });

    const stored = readDb(dataDir, (db) => ({
      row: db.prepare('SELECT origin, consent_purpose, consent_at FROM voucher_requests WHERE reference = ?').get(reference),
      staffId: (db.prepare(`SELECT id FROM staff WHERE username = 'anna'`).get() as { id: string }).id,
      audit: db.prepare(`SELECT detail FROM audit WHERE action = 'voucher-request.started'`).all() as Array<{ detail: string }>,
      printed: [kioskReference, reference].map((code) => (db.prepare('SELECT count(*) AS n FROM print_jobs WHERE document LIKE ?').get(`%${code}%`) as { n: number }).n),
    }));
    expect(stored.row).toMatchObject({ origin: 'desk', consent_purpose: 'voucher-request' });
    const audits = stored.audit.map((a) => JSON.parse(a.detail) as Record<string, unknown>);
    expect(audits.find((a) => a.reference === reference)).toMatchObject({ origin: 'desk', by: stored.staffId });
    expect(audits.find((a) => a.reference === kioskReference)).toMatchObject({ origin: 'kiosk' });
    expect(audits.find((a) => a.reference === kioskReference)).not.toHaveProperty('by');
    // The kiosk visitor gets a voucher receipt; the walk-in at the desk gets only the final one.
    expect(stored.printed).toEqual([1, 0]);

    const bytes = Buffer.concat(['device.sqlite', 'device.sqlite-wal'].map((f) => { try { return readFileSync(join(dataDir, f)); } catch { return Buffer.alloc(0); } }));
    expect(bytes.length).toBeGreaterThan(0);
    for (const personal of ['Baliebezoeker', 'walkin@voorbeeld.nl']) expect(bytes.includes(Buffer.from(personal))).toBe(false);

    await call('request.complete', { reference, identityDocument: 'identity-card', bsn: '111222333' });
    await until(async () => ((await call('request.find', { reference })) as { identity: { bsnMasked: string | null } }).identity.bsnMasked === null);
    const received = sim.store.received().filter((r) => r.reference === reference);
    expect(received.map((r) => r.kind)).toEqual(['voucher-request', 'voucher-request-completion']);
    // The central API learns where each request began.
    const origins = sim.store.db.prepare("SELECT reference, json_extract(body, '$.origin') AS origin FROM received WHERE kind = 'voucher-request' ORDER BY seq").all();
    expect(origins).toEqual(expect.arrayContaining([{ reference, origin: 'desk' }]));
    expect(origins).toHaveLength(2);
    expect(origins.filter((o) => (o as { origin: string }).origin === 'kiosk')).toHaveLength(1);

    // One from each origin: the desk sees only that there were fewer than 5 (docs/statistics.md).
    const stats = (await call('stats.daily', {})) as unknown as PublishedDailyStats;
    expect(stats.requestsByOrigin).toEqual([{ key: mergedKey, count: '<5' }]);
    expect(JSON.stringify(stats)).not.toContain(reference);
  });
});
