import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { logSlowQueries, statementName } from '../../../electron/core/store/slow-query-log';

const slowCount = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) SELECT count(*) AS c FROM n WHERE ? IS NOT NULL';

function watched(thresholdMs: number) {
  const lines: string[] = [];
  const db = new Database(':memory:');
  logSlowQueries(db, createLogger((line) => lines.push(line)), thresholdMs);
  return { db, lines };
}

describe('the slow-query log', () => {
  it('names a slow statement by verb and table, with its duration, and never logs the values bound to it', () => {
    const { db, lines } = watched(5);
    const row = db.prepare(slowCount).get(2_000_000, 'geheim@voorbeeld.nl') as { c: number };
    expect(row.c).toBe(2_000_000);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'slow database statement', statement: 'WITH n', slowRuns: 1 });
    expect(line.ms).toBeGreaterThanOrEqual(5);
    expect(lines.join('\n')).not.toContain('geheim');
    expect(lines.join('\n')).not.toContain('2000000');
  });

  it('stays quiet for statements under the threshold, and still returns what they return', () => {
    const { db, lines } = watched(1_000);
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run(`value ${i}`);
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toHaveLength(100);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(100);
    expect(lines).toEqual([]);
  });

  it('logs a statement that keeps being slow once and then every hundredth time, not on every run', () => {
    const { db, lines } = watched(0);
    const statement = db.prepare('SELECT 1 AS one FROM sqlite_master');
    for (let i = 0; i < 250; i++) statement.all();
    expect(lines.map((l) => (JSON.parse(l) as { slowRuns: number }).slowRuns)).toEqual([1, 100, 200]);
  });

  it('reads a name out of the usual statements', () => {
    expect(statementName("UPDATE outbox SET status = 'acked' WHERE id = ?")).toBe('UPDATE outbox');
    expect(statementName('INSERT INTO voucher_requests (id) VALUES (?)')).toBe('INSERT voucher_requests');
    expect(statementName('  select count(*) from tickets where day = ?')).toBe('SELECT tickets');
    expect(statementName('PRAGMA wal_checkpoint(TRUNCATE)')).toBe('PRAGMA');
  });
});
