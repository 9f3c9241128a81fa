import Database from 'better-sqlite3';
import { join } from 'node:path';
import { staffTableSql } from './staff-migration';

/** Until the device store lands: the staff and audit tables in their own file. */
export function openInterimStaffDb(dataDir: string) {
  const db = new Database(join(dataDir, 'staff.sqlite'));
  db.pragma('journal_mode = WAL');
  if ((db.pragma('user_version', { simple: true }) as number) === 0) {
    db.exec(staffTableSql);
    db.exec('CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL, aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, detail TEXT) STRICT;');
    db.pragma('user_version = 1');
  }
  return db;
}
