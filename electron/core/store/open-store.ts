import Database, { type Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { latestVersion, migrate, type Migration, migrations as allMigrations } from './migrations';
import { classifySqliteError, StoreError, storeErrorFor } from './store-error';

export interface Store {
  db: Db;
  file: string;
  /** True when opened for browsing only: nothing may be written. */
  readOnly: boolean;
  close(): void;
}

export interface OpenStoreOptions {
  /** Open for reading only (what the app falls back to when the file or folder is read-only). */
  readOnly?: boolean;
  /** How long a write waits for a lock held by another connection before it fails. */
  busyTimeoutMs?: number;
  /** Tests stop at an older version to build the databases earlier releases wrote. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

const writable = (mode: number): boolean => (mode & 0o200) !== 0;

/**
 * A file or folder its owner marked read-only stays unwritten even when the app runs as root,
 * where the OS would let it write anyway: the mark is the operator's intent.
 */
function assertWritable(file: string): void {
  const dir = dirname(file);
  if (existsSync(file) && !writable(statSync(file).mode)) throw storeErrorFor('read-only', file, 'the file is marked read-only');
  if (!writable(statSync(dir).mode)) throw storeErrorFor('read-only', file, 'its folder is marked read-only');
}

/** Left next to the database once it exists: from then on a missing or empty file is damage, not a first start. */
export const storeMarkerFile = (file: string): string => `${file}.created`;

const isMissingOrEmpty = (file: string): boolean => !existsSync(file) || statSync(file).size === 0;

/**
 * Only its presence counts, so a marker whose text was damaged still protects the store. Written
 * once the database is complete on disk, never replaced, and fsynced so a power cut right after
 * the first start cannot leave a database without its marker.
 */
function writeMarker(file: string): void {
  const marker = storeMarkerFile(file);
  if (existsSync(marker)) return;
  const fd = openSync(marker, 'wx', 0o600);
  try {
    writeSync(fd, `${basename(file)} was created in this folder. While this file exists, a missing or empty ${basename(file)} stops the app instead of being recreated empty.\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (creating if needed) the device database: WAL so readers never wait for the writer,
 * synchronous=FULL because a confirmed request must survive a power cut, foreign keys on, a busy
 * timeout instead of instant "database is locked". The file is read and checked before anything
 * is written to it, so a damaged or foreign file is reported, never overwritten.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const readOnly = options.readOnly ?? false;
  if (!readOnly) assertWritable(file);
  // SQLite takes a 0-byte file for a new database and would start again empty, losing every queued request unseen.
  if (!readOnly && existsSync(storeMarkerFile(file)) && isMissingOrEmpty(file)) throw storeErrorFor('missing', file, `${basename(storeMarkerFile(file))} says one was here`);
  if (readOnly && !existsSync(file)) throw storeErrorFor('cannot-open', file, 'there is no database to browse');
  let db: Db;
  try {
    db = new Database(file, { readonly: readOnly, fileMustExist: readOnly, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw storeErrorFor(classifySqliteError(err) ?? 'cannot-open', file, (err as Error).message);
  }
  try {
    // The first read of the header: a non-database file fails here, before any write.
    db.pragma('schema_version');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw storeErrorFor('corrupt', file, 'the integrity check found damage');
    if (!readOnly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw storeErrorFor('cannot-open', file, `the journal mode stayed ${String(mode)}`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Deleted and overwritten values are zeroed in the file, not left in free space: purged and
      // erased personal data must not be recoverable from the database's bytes (scrub.ts does the -wal).
      db.pragma('secure_delete = ON');
      migrate(db, file, options.targetVersion ?? latestVersion, options.migrations ?? allMigrations);
      writeMarker(file);
    } else {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latestVersion) throw storeErrorFor('too-new', file, `schema version ${version}`);
      if (version < latestVersion) throw storeErrorFor('read-only', file, `it is at schema version ${version} and cannot be upgraded without writing`);
    }
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw storeErrorFor(classifySqliteError(err) ?? 'cannot-open', file, (err as Error).message);
  }
  return { db, file, readOnly, close: () => {
      if (db.open) db.close();
    },
  };
}
