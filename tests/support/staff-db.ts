import Database from 'better-sqlite3';
import { join } from 'node:path';
import { staffTableSql } from '../../electron/core/staff/staff-migration';
import { tempDir } from './paths';

/** A real SQLite file with the staff table and the audit table, as the store creates them. */
export function openStaffDb() {
  const db = new Database(join(tempDir('staff'), 'device.sqlite'));
  db.exec(staffTableSql);
  db.exec('CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL, aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, detail TEXT) STRICT;');
  return db;
}
