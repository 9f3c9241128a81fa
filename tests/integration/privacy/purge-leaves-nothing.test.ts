import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../../electron/core/app-core';
import { createFieldCipher } from '../../../electron/core/crypto/field-cipher';
import { openDeviceLog } from '../../../electron/core/log/device-log';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { SyncStatus } from '../../../shared/contract/sync-channels';
import { leftovers, plainSecrets, sealedSecrets, type Secret } from '../../support/leftovers';
import { resourcesDir, tempDir } from '../../support/paths';
import { fastSync, startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
const day = 24 * 60 * 60 * 1000;
const bsn = '111222333';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

/** A counter whose log goes to the real log files in its data dir, as the shells write them. */
function counter(dataDir: string, now: () => Date, sim?: RunningSim) {
  const log = openDeviceLog(dataDir, () => undefined, { shell: 'browser' });
  const core: Core = createCore({
    config: DeviceConfigSchema.parse({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle', centralApiUrl: sim?.url, personalDataRetentionDays: 3, demo: true }),
    appVersion: '9.9.9',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: log.logger,
    enrollmentCode: async () => sim?.issueEnrollmentCode() ?? null,
    syncTuning: fastSync,
    now,
  });
  const handle = { close: async () => { await core.close(); log.close(); } };
  running.push(handle);
  const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> => {
    const r = await core.dispatch(channel, input, t);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  const stop = async () => {
    running.splice(running.indexOf(handle), 1);
    await handle.close();
  };
  return { call, stop };
}

const allSent = async (call: (c: string, i: unknown) => Promise<Record<string, unknown>>): Promise<boolean> => {
  const s = SyncStatus.parse(await call('sync.status', {}));
  return s.queued === 0 && s.inFlight === 0 && s.lastSuccessAt !== null && s.needsAttention.length === 0;
};

/** A completed request written while no central API was configured, and what the database holds for it then. */
async function completedOffline(dataDir: string, now: () => Date) {
  const desk = counter(dataDir, now);
  await desk.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  const input = voucherInput(41);
  const started = await desk.call('voucher.start', input);
  await desk.call('request.complete', { reference: started.reference, identityDocument: 'passport', bsn });
  await desk.stop();
  const id = String(started.id);
  const secrets: Secret[] = [...plainSecrets(input.contact, bsn), ...sealedSecrets(join(dataDir, deviceDatabaseName), id)];
  expect(secrets.map((s) => s.what)).toEqual(expect.arrayContaining(['sealed contact', 'sealed BSN', 'sealed voucher-request.submit payload', 'sealed voucher-request.complete payload']));
  return { id, reference: String(started.reference), secrets };
}

describe('erased means unreadable: the retention purge on the counter', () => {
  let sim: RunningSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('leaves no name, e-mail, phone or BSN, plain or sealed, in the database, its -wal or the logs once the retention has passed', async () => {
    sim = await startSim();
    const dataDir = tempDir('purge-bytes');
    let clock = new Date('2026-11-24T09:00:00.000Z');
    const now = () => clock;
    const { secrets } = await completedOffline(dataDir, now);

    const online = counter(dataDir, now, sim);
    await online.call('staff.signIn', { username: 'anna', pin: '482915' });
    await until(() => allSent(online.call), 10_000, 'the request and its completion acknowledged');
    await online.stop();

    clock = new Date(clock.getTime() + 4 * day);
    // The purge runs at start; the bytes are read while the database is still open (its -wal on disk) and after.
    const later = counter(dataDir, now);
    expect(leftovers(dataDir, secrets)).toEqual([]);
    await later.stop();
    expect(leftovers(dataDir, secrets)).toEqual([]);
  });
});

describe('erased means unreadable: the BSN once the central API has the completion', () => {
  it('takes the BSN out of the completion\'s outbox row in the acknowledgement, and no copy stays in the database or its -wal', async () => {
    const sim = await startSim();
    running.push(sim);
    const dataDir = tempDir('bsn-ack');
    const clock = new Date('2026-11-24T09:00:00.000Z');
    const { id, secrets } = await completedOffline(dataDir, () => clock);
    const bsnSecrets = secrets.filter((s) => s.what === 'BSN' || s.what === 'sealed BSN' || s.what === 'sealed voucher-request.complete payload');

    const online = counter(dataDir, () => clock, sim);
    await online.call('staff.signIn', { username: 'anna', pin: '482915' });
    await until(() => allSent(online.call), 10_000, 'the request and its completion acknowledged');
    // Still within the retention: the contact stays, the BSN must be gone already, from the live files too.
    await until(() => leftovers(dataDir, bsnSecrets).length === 0, 5_000, 'no copy of the BSN on disk').catch(() => undefined);
    expect(leftovers(dataDir, bsnSecrets)).toEqual([]);
    await online.stop();

    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    const row = db.prepare(`SELECT idempotency_key AS key, payload FROM outbox WHERE aggregate_id = ? AND kind = 'voucher-request.complete'`).get(id) as { key: string; payload: string | null };
    const contact = db.prepare('SELECT contact IS NOT NULL AS kept FROM voucher_requests WHERE id = ?').get(id);
    db.close();
    expect(contact).toEqual({ kept: 1 });
    const cipher = createFieldCipher(readFileSync(join(dataDir, 'field-key')));
    const body = row.payload === null ? null : (JSON.parse(cipher.open(row.payload, `outbox.payload:${row.key}`)) as Record<string, unknown>);
    expect(body).not.toHaveProperty('bsn');
    expect(JSON.stringify(body)).not.toContain(bsn);
  });
});
