import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncStatus } from '../../../shared/contract/sync-channels';
import { tempDir } from '../../support/paths';
import { openClient } from '../../support/host-client';
import { spawnHost } from '../../support/spawn-host';
import { voucherInput } from '../../support/voucher-input';
import { until } from '../../support/until';

describe('a full demo run of the browser host', () => {
  it('syncs started requests to the in-process simulator, and its log never contains the personal data submitted', async () => {
    const dataDir = tempDir('demo-run');
    const host = await spawnHost(['--data-dir', dataDir]);
    let stdout = '';
    host.process.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    const client = await openClient(host.url);
    const call = async (channel: string, body: unknown) => {
      const res = await client.post(`/api/${channel}`, body);
      return { ok: res.ok, ...((await res.json()) as { result?: unknown; error?: unknown }) };
    };
    const references: string[] = [];
    try {
      for (let n = 1; n <= 3; n++) {
        const r = await call('voucher.start', voucherInput(n));
        expect(r.ok).toBe(true);
        references.push((r.result as { reference: string }).reference);
      }
      expect((await call('voucher.start', { ...voucherInput(9), contact: { name: 'Zonder Contact' } })).ok).toBe(false);
      expect((await call('ticket.take', { topic: 'voucher' })).ok).toBe(true);
      const syncStatus = async () => SyncStatus.parse((await call('sync.status', {})).result);
      await until(async () => {
        const s = await syncStatus();
        return s.queued + s.inFlight === 0;
      }, 15_000, 'the outbox sent');
      const status = await syncStatus();
      expect(status).toMatchObject({ queued: 0, inFlight: 0, needsAttention: [] });
      expect(status.lastSuccessAt).not.toBeNull();
    } finally {
      await host.stop();
    }

    const central = new Database(join(dataDir, 'demo-central-api.sqlite'), { readonly: true });
    const received = central.prepare(`SELECT reference FROM received WHERE kind = 'voucher-request' ORDER BY seq`).all() as { reference: string }[];
    central.close();
    expect(received.map((r) => r.reference).sort()).toEqual([...references].sort());

    const log = host.stderr() + stdout;
    expect(log).toContain('device enrolled');
    for (const n of [1, 2, 3, 9]) {
      const { contact } = voucherInput(n);
      for (const secret of [contact.name, contact.email, contact.phone, contact.email?.split('@')[0]]) expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('Zonder Contact');
  });
});
