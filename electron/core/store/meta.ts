import type { Database } from 'better-sqlite3';
import { perDatabase } from './per-database';

const metaRepo = perDatabase((db: Database) => ({
  read: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
  write: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

export function readMeta(db: Database, key: string): string | null {
  return metaRepo(db).read.get(key) ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  metaRepo(db).write.run(key, value);
}
