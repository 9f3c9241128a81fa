import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/staff/pin-hash';
import { createStaffRepo } from '../../electron/core/staff/staff-repo';
import { deviceDatabaseName } from '../../electron/core/store/open-device-store';

/**
 * Regional IT's account on a device that is already running, written straight into its database.
 * In the field IT accounts come from the device config's itStaff list at start (no desk channel
 * creates a role above the location manager's); tests/integration/desk/it-provisioning.test.ts
 * covers that path, this shortcut serves tests that need IT mid-run.
 */
export async function addItAccount(dataDir: string, username = 'ivo', pin = '739164'): Promise<void> {
  const db = new Database(join(dataDir, deviceDatabaseName));
  try {
    createStaffRepo(db).insert({ id: randomUUID(), username, display_name: 'Ivo (IT)', role: 'it', pin_hash: await hashPin(pin), created_at: '2026-11-24T09:00:00.000Z' });
  } finally {
    db.close();
  }
}
