import type { Database } from 'better-sqlite3';

/**
 * After personal data was removed: copies every page in the -wal into the database and truncates
 * the -wal to 0 bytes, so the older page images (which still hold what was removed) are gone from
 * both files. With secure_delete on (openStore) the database file itself keeps no copy in freed
 * space. False when a reader held the -wal open: the next scrub or SQLite's own checkpoint
 * overwrites it then.
 */
export function scrubWal(db: Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

/** For code that runs inside a transaction (an acknowledgement): scrubs once it has committed. */
export function scrubWalAfterCommit(db: Database): void {
  queueMicrotask(() => {
    if (db.open && !db.inTransaction) scrubWal(db);
  });
}
