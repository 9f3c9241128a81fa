import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { startHost, type RunningHost } from '../../../electron/host/start-host';
import { openClient, type HostClient } from '../../support/host-client';
import { rendererDist, resourcesDir, tempDir } from '../../support/paths';
import { voucherInput } from '../../support/voucher-input';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kioskHost(): Promise<{ host: RunningHost; client: HostClient; dataDir: string }> {
  const dataDir = tempDir('tickets');
  const host = await startHost({ config: demoDeviceConfig, appVersion: 'test', resourcesDir, dataDir, staticDir: rendererDist, port: 0, logger: silentLogger });
  cleanups.push(() => host.close());
  return { host, client: await openClient(host.openUrl()), dataDir };
}

const count = (dataDir: string, sql: string): number => {
  const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('ticket.take over the browser host, many callers at once', () => {
  it('gives each of 200 parallel takes, mixed with voucher requests, its own number', async () => {
    const { client } = await kioskHost();
    const calls = await Promise.all(
      Array.from({ length: 200 }, (_, i) => [client.call('ticket.take', { topic: 'voucher' }), ...(i % 4 === 0 ? [client.call('voucher.start', voucherInput(i))] : [])]).flat(),
    );
    expect(calls.filter((c) => c.status !== 200).map((c) => c.error)).toEqual([]);
    const numbers = calls.map((c) => (c.result as { number?: string }).number).filter((n) => n !== undefined);
    expect(numbers).toHaveLength(200);
    expect(new Set(numbers).size).toBe(200);
  });

  it("answers the day's 10,000th ticket with a sentence, not a 500, and stores nothing of it", async () => {
    // The bench's memory row took 10,000 tickets in one day: number A10000 broke the four-digit contract mid-transaction.
    const { client, dataDir } = await kioskHost();
    expect((await client.call('ticket.take', { topic: 'voucher' })).status).toBe(200);
    const db = new Database(join(dataDir, deviceDatabaseName));
    db.prepare('UPDATE tickets SET seq = 9998').run();
    db.close();
    const last = await client.call('ticket.take', { topic: 'voucher' });
    expect(last.status).toBe(200);
    expect((last.result as { number: string }).number).toMatch(/^[A-Z]+9999$/);
    const tickets = count(dataDir, 'SELECT count(*) FROM tickets');
    const outbox = count(dataDir, 'SELECT count(*) FROM outbox');
    const over = await Promise.all([client.call('ticket.take', { topic: 'voucher' }), client.call('ticket.take', { topic: 'voucher' })]);
    for (const answer of over) {
      expect(answer.error?.code).toBe('unavailable');
      expect(answer.error?.message).toMatch(/queue numbers/);
    }
    expect(count(dataDir, 'SELECT count(*) FROM tickets')).toBe(tickets);
    expect(count(dataDir, 'SELECT count(*) FROM outbox')).toBe(outbox);
  });
});
