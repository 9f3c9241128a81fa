import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { createStaffRepo } from '../../electron/core/staff/staff-repo';
import { deviceDatabaseName } from '../../electron/core/store/open-device-store';

/**
 * Regional IT's account on a device, written straight into its database: no desk channel creates
 * a role above the location manager's, so IT accounts come with provisioning, not from the desk.
 */
export async function addItAccount(dataDir: string, username = 'ivo', pin = '739164'): Promise<void> {
  const db = new Database(join(dataDir, deviceDatabaseName));
  try {
    createStaffRepo(db).insert({ id: randomUUID(), username, display_name: 'Ivo (IT)', role: 'it', pin_hash: await hashPin(pin), created_at: new Date().toISOString() });
  } finally {
    db.close();
  }
}
