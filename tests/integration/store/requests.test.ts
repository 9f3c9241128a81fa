import Database from 'better-sqlite3';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { createLogger } from '../../../electron/core/log/logger';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { referenceAlphabet } from '../../../shared/contract/requests-channels';
import { resourcesDir, tempDir } from '../../support/paths';
import { voucherInput } from '../../support/voucher-input';

function makeCore(dataDir = tempDir('requests'), lines: string[] = [], config = demoDeviceConfig) {
  const core = createCore({ config, appVersion: 'test', resourcesDir, dataDir, shell: 'browser', logger: createLogger((l) => lines.push(l)) });
  return { core, dataDir, lines, call: (channel: string, payload: unknown) => core.dispatch(channel, payload, { transport: 'test', client: 'test' }) };
}

/** Everything the device wrote to disk, as one string: the database, its WAL, the key file and the content folder. */
const allBytes = (dir: string): string =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');

describe('voucher.start', () => {
  it('answers with a reference only after the request, its outbox row and its audit row are stored', async () => {
    const { core, dataDir, call } = makeCore();
    const result = await call('voucher.start', voucherInput(1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const started = result.result as { id: string; reference: string; status: string };
    expect(started.status).toBe('started');
    expect(started.reference).toMatch(new RegExp(`^[${referenceAlphabet}]{4}-[${referenceAlphabet}]{4}$`));
    await core.close();

    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(db.prepare('SELECT reference, status, trajectory FROM voucher_requests WHERE id = ?').get(started.id)).toEqual({
      reference: started.reference,
      status: 'started',
      trajectory: 'loopbaan-apk',
    });
    const outbox = db.prepare('SELECT kind, reference, status, idempotency_key AS key FROM outbox').all() as { key: string }[];
    expect(outbox).toMatchObject([{ kind: 'voucher-request.submit', reference: started.reference, status: 'pending' }]);
    expect(outbox[0]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(db.prepare('SELECT action, aggregate_id AS id FROM audit').all()).toEqual([{ action: 'voucher-request.started', id: started.id }]);
    db.close();
  });

  it('keeps the visitor’s name, e-mail and phone encrypted on disk and out of the log', async () => {
    const { core, dataDir, call, lines } = makeCore();
    for (let n = 1; n <= 3; n++) expect((await call('voucher.start', voucherInput(n))).ok).toBe(true);
    await core.close();
    const disk = allBytes(dataDir);
    const log = lines.join('\n');
    for (let n = 1; n <= 3; n++) {
      const { contact } = voucherInput(n);
      for (const secret of [contact.name, contact.email, contact.phone]) {
        expect(disk).not.toContain(secret);
        expect(log).not.toContain(secret);
      }
    }
  });

  it('gives every request its own reference', async () => {
    const { call } = makeCore();
    const refs = new Set<string>();
    for (let n = 0; n < 50; n++) {
      const r = await call('voucher.start', voucherInput(n));
      if (r.ok) refs.add((r.result as { reference: string }).reference);
    }
    expect(refs.size).toBe(50);
  });

  it('stores nothing at all when any part of the transaction fails', async () => {
    const { core, dataDir } = makeCore();
    await core.close();
    const db = new Database(join(dataDir, deviceDatabaseName));
    db.exec(`CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    db.close();
    const again = makeCore(dataDir);
    const result = await again.call('voucher.start', voucherInput(1));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    await again.core.close();
    const check = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(check.prepare('SELECT (SELECT count(*) FROM voucher_requests) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM outbox) AS n').get()).toEqual({ n: 0 });
    check.close();
  });

  it('rejects a request without an e-mail address or phone number', async () => {
    const { call } = makeCore();
    const input = voucherInput(1);
    const result = await call('voucher.start', { ...input, contact: { name: input.contact.name } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('ticket.take', () => {
  it('numbers tickets with the device prefix, counting up, each queued for the central API', async () => {
    const { call } = makeCore(tempDir('tickets'), [], { ...demoDeviceConfig, ticketPrefix: 'B' });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call('ticket.take', { topic: 'voucher' });
      // A demo kiosk has a simulated desk, so it gives a waiting time as a linked desk would.
      expect(r).toMatchObject({ ok: true, result: { topic: 'voucher', expectedWaitMinutes: expect.any(Number) } });
      if (r.ok) numbers.push((r.result as { number: string }).number);
    }
    expect(numbers).toEqual(['B001', 'B002', 'B003']);
    expect(await call('sync.status', {})).toMatchObject({ ok: true, result: { queued: 3, inFlight: 0, lastSuccessAt: null, needsAttention: [] } });
  });

  it('keeps counting after a restart on the same data directory', async () => {
    const first = makeCore();
    await first.call('ticket.take', { topic: 'work' });
    await first.core.close();
    const second = makeCore(first.dataDir);
    expect(await second.call('ticket.take', { topic: 'work' })).toMatchObject({ ok: true, result: { number: 'A002' } });
  });
});

describe('a device database that cannot be opened', () => {
  it('keeps the app answering, says why on the request channels and leaves the file alone', async () => {
    const dataDir = tempDir('broken');
    const file = join(dataDir, deviceDatabaseName);
    const garbage = Buffer.from('this is not sqlite '.repeat(300));
    writeFileSync(file, garbage);
    const { call, lines } = makeCore(dataDir);
    expect((await call('app.info', {})).ok).toBe(true);
    const result = await call('voucher.start', voucherInput(1));
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/damaged/);
    expect(lines.join('\n')).toContain('device database unavailable');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses to run with a different encryption key than the data was written with', async () => {
    const first = makeCore();
    await first.call('voucher.start', voucherInput(1));
    await first.core.close();
    writeFileSync(join(first.dataDir, 'field-key'), Buffer.alloc(32, 9));
    const second = makeCore(first.dataDir);
    const result = await second.call('sync.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/key does not match/);
  });
});
