import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { SyncStatus } from '../../../shared/contract/sync-channels';
import { tempDir } from '../../support/paths';
import { buildRequestsCapability } from '../../support/requests-capability';
import { fastSync, startSim } from '../../support/sync-rig';
import { samplePack, voucherInput } from '../../support/voucher-input';
import { until } from '../../support/until';

const day = 24 * 60 * 60 * 1000;

describe('personal data retention', () => {
  it('keeps contact details until the retention after the acknowledgement has passed, then leaves an anonymous record', async () => {
    const sim = await startSim();
    const dataDir = tempDir('purge');
    let clock = new Date('2026-11-24T09:00:00.000Z');
    const stack = () =>
      buildRequestsCapability({
        dataDir,
        config: { ...demoDeviceConfig, centralApiUrl: sim.url, personalDataRetentionDays: 3 },
        now: () => clock,
        enrollmentCode: async () => sim.issueEnrollmentCode(),
        syncTuning: fastSync,
        pack: samplePack,
      });
    const ctx = { transport: 'test' as const, client: 'test' };
    const first = stack();
    const started = await first.handlers['voucher.start'](voucherInput(1), ctx);
    await until(async () => SyncStatus.parse(await first.handlers['sync.status']({}, ctx)).lastSuccessAt !== null, 4000, 'the first delivery');
    await first.close();

    const row = () => {
      const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
      const r = db.prepare('SELECT reference, trajectory, contact IS NOT NULL AS hasContact, acked_at, purged_at FROM voucher_requests').get() as {
        reference: string;
        hasContact: number;
        acked_at: string | null;
        purged_at: string | null;
      };
      const payloads = db.prepare('SELECT count(*) AS n FROM outbox WHERE payload IS NOT NULL').get();
      const audit = db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'voucher-request.personal-data-purged'`).get();
      db.close();
      return { ...r, payloads, audit };
    };
    expect(row()).toMatchObject({ reference: started.reference, hasContact: 1, purged_at: null, payloads: { n: 1 } });
    expect(row().acked_at).not.toBeNull();

    clock = new Date(clock.getTime() + 2 * day);
    await stack().close();
    expect(row()).toMatchObject({ hasContact: 1, purged_at: null });

    clock = new Date(clock.getTime() + 2 * day);
    await stack().close();
    expect(row()).toMatchObject({ reference: started.reference, trajectory: started.trajectory, hasContact: 0, payloads: { n: 0 }, audit: { n: 1 } });
    expect(row().purged_at).not.toBeNull();
    await sim.close();
  });

  it('never purges a request the central API has not acknowledged, however old', async () => {
    const dataDir = tempDir('purge');
    let clock = new Date('2026-01-01T09:00:00.000Z');
    const stack = () =>
      buildRequestsCapability({ dataDir, config: demoDeviceConfig, now: () => clock, pack: samplePack });
    const first = stack();
    await first.handlers['voucher.start'](voucherInput(1), { transport: 'test', client: 'test' });
    await first.close();
    clock = new Date(clock.getTime() + 365 * day);
    await stack().close();
    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(db.prepare('SELECT contact IS NOT NULL AS hasContact FROM voucher_requests').get()).toEqual({ hasContact: 1 });
    db.close();
  });
});
