import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The visits per campaign in a host's own database: the only trace a letter leaves. */
export function invitationVisits(dataDir: string): unknown[] {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT campaign, visits FROM invitation_visits').all();
  } finally {
    db.close();
  }
}
