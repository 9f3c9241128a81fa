import type { Database } from 'better-sqlite3';

/**
 * A repository's statements are prepared once per database, on first use, and shared by every
 * caller that holds the same connection: the hot paths (a ticket, a request, an audit row) never
 * prepare a statement per call.
 */
export function perDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let repo = built.get(db);
    if (!repo) {
      repo = build(db);
      built.set(db, repo);
    }
    return repo;
  };
}
