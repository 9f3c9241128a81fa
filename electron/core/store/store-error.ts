/** Why the device database cannot be used; each has its own message so IT knows what to do. */
export type StoreProblem = 'corrupt' | 'locked' | 'read-only' | 'disk-full' | 'too-new' | 'wrong-key' | 'missing' | 'cannot-open';

/**
 * The database cannot be opened or migrated. Whatever the cause, the file is left exactly as it
 * was: a person may still be able to rescue the queued requests in it.
 */
export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const advice: Record<StoreProblem, string> = {
  corrupt: 'it is damaged or not a database. It has not been changed; keep a copy for IT and do not delete it while requests may be queued in it.',
  locked: 'another program holds it locked. Close any other copy of the app on this device (or a database tool) and start again.',
  'read-only': 'it, or its folder, is read-only. Give the app write access to the data directory; the file has not been changed.',
  'disk-full': 'the disk is full. Free some space and start again; nothing stored was lost.',
  'too-new': 'a newer version of the app has written it. Install that version again; an older one must not change its data.',
  'wrong-key': 'its encryption key does not match (the key file was replaced or lost). Restore the original key; the data has not been changed.',
  missing:
    'it is missing or empty, although this data directory held a database before (see its marker file). It has not been recreated: restore the file from a backup, or have IT remove the marker to start with an empty database on purpose.',
  'cannot-open': 'it cannot be opened.',
};

export function storeErrorFor(problem: StoreProblem, file: string, detail?: string): StoreError {
  return new StoreError(problem, file, `The device database ${file} cannot be used: ${advice[problem]}${detail ? ` (${detail})` : ''}`);
}

/** Maps SQLite's result codes (better-sqlite3 puts them on err.code) to a problem a person can act on. */
export function classifySqliteError(err: unknown): StoreProblem | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk-full';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  return null;
}
