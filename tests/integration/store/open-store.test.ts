import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../electron/core/store/migrations';
import { openStore } from '../../../electron/core/store/open-store';
import { StoreError } from '../../../electron/core/store/store-error';
import { tempDir } from '../../support/paths';

function schemaOf(db: Database.Database): string[] {
  return (db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { sql: string | null }[]).map(
    (r) => JSON.stringify(r),
  );
}

function expectStoreError(fn: () => unknown, problem: string): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).problem).toBe(problem);
    return err as StoreError;
  }
  throw new Error(`expected a StoreError (${problem})`);
}

describe('opening the device database', () => {
  it('creates a new database with WAL, synchronous=FULL, foreign keys and the latest schema', () => {
    const store = openStore(join(tempDir('store'), 'device.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    store.close();
  });

  it.each(migrations.map((m) => m.version - 1))('migrates a database written at version %i to the same schema as a fresh one, keeping its rows', (from) => {
    const dir = tempDir('migrate');
    const fresh = openStore(join(dir, 'fresh.sqlite'));
    const expected = schemaOf(fresh.db);
    fresh.close();

    const file = join(dir, 'old.sqlite');
    const old = openStore(file, { targetVersion: from });
    expect(old.db.pragma('user_version', { simple: true })).toBe(from);
    if (from >= 1) {
      old.db
        .prepare(`INSERT INTO outbox (idempotency_key, aggregate_type, aggregate_id, kind, reference, payload, next_attempt_at, created_at) VALUES ('k1', 'ticket', 't1', 'ticket.record', 'A001', NULL, 0, '2026-01-01T00:00:00.000Z')`)
        .run();
    }
    old.close();

    const upgraded = openStore(file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(schemaOf(upgraded.db)).toEqual(expected);
    if (from >= 1) expect(upgraded.db.prepare('SELECT reference FROM outbox').all()).toEqual([{ reference: 'A001' }]);
    upgraded.close();
  });

  it('rolls back every step of a failing migration, leaving the old version', () => {
    const file = join(tempDir('migrate'), 'device.sqlite');
    openStore(file, { targetVersion: 1 }).close();
    const broken = [...migrations.slice(0, 2), { version: 3, summary: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM no_such_table;' }];
    expect(() => openStore(file, { migrations: broken, targetVersion: 3 })).toThrow(StoreError);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('voucher_requests', 'x')`).all()).toEqual([]);
    db.close();
  });

  it('refuses a damaged file with a clear message and leaves every byte as it was', () => {
    const dir = tempDir('corrupt');
    const file = join(dir, 'device.sqlite');
    const garbage = Buffer.from('not a database, but the only copy of something'.repeat(200));
    writeFileSync(file, garbage);
    const err = expectStoreError(() => openStore(file), 'corrupt');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/damaged/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database whose pages were damaged after its header', () => {
    const file = join(tempDir('corrupt'), 'device.sqlite');
    const store = openStore(file);
    store.db.exec(`CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(400)) FROM n;`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = readFileSync(file);
    bytes.fill(0xab, 4096 * 3, 4096 * 5);
    writeFileSync(file, bytes);
    expectStoreError(() => openStore(file), 'corrupt');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a read-only file without writing to it, and can still open it for browsing', () => {
    const file = join(tempDir('readonly'), 'device.sqlite');
    openStore(file).close();
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    const err = expectStoreError(() => openStore(file), 'read-only');
    expect(err.message).toMatch(/read-only/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const browse = openStore(file, { readOnly: true });
    expect(browse.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    browse.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer app version', () => {
    const file = join(tempDir('newer'), 'device.sqlite');
    openStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const before = readFileSync(file);
    expectStoreError(() => openStore(file), 'too-new');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a database another process holds locked', async () => {
    const file = join(tempDir('locked'), 'device.sqlite');
    openStore(file).close();
    // Another process takes an exclusive lock and keeps it until we end it.
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(file)});d.pragma('locking_mode=EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');console.log('locked');setInterval(()=>{},1000)`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const err = expectStoreError(() => openStore(file, { busyTimeoutMs: 100 }), 'locked');
      expect(err.message).toMatch(/locked/);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
