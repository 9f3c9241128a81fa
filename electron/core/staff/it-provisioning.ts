import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { Logger } from '../log/logger';
import { appendAudit } from '../outbox/audit';
import { createStaffRepo } from './staff-repo';

export interface ProvisioningResult {
  added: string[];
  updated: string[];
  removed: string[];
  /** Listed user names that belong to a desk account: never turned into IT accounts. */
  skipped: string[];
}

/**
 * Makes the device's IT accounts what its configuration lists, in one transaction, audited with
 * the user name only. A listed name that a desk account already uses is left alone: provisioning
 * must not be a way to raise someone's role.
 */
export function provisionItStaff(db: Database, accounts: DeviceConfig['itStaff'], at: Date, logger: Logger): ProvisioningResult {
  const repo = createStaffRepo(db);
  const result: ProvisioningResult = { added: [], updated: [], removed: [], skipped: [] };
  const audit = (action: string, id: string, username: string) =>
    appendAudit(db, at, { action, aggregateType: 'staff', aggregateId: id, detail: { username, role: 'it', by: 'device-config' } });
  db.transaction(() => {
    for (const account of accounts) {
      const existing = repo.byUsername(account.username);
      if (!existing) {
        const id = uuidv7();
        repo.insert({ id, username: account.username, display_name: account.displayName, role: 'it', pin_hash: account.pinHash, created_at: at.toISOString() });
        audit('staff.provisioned', id, account.username);
        result.added.push(account.username);
      } else if (existing.role !== 'it') {
        audit('staff.provisioning-skipped', existing.id, account.username);
        result.skipped.push(account.username);
      } else if (existing.pin_hash !== account.pinHash || existing.display_name !== account.displayName) {
        repo.setProvisioned(existing.id, account.displayName, account.pinHash);
        audit('staff.provisioned', existing.id, account.username);
        result.updated.push(account.username);
      }
    }
    const listed = new Set(accounts.map((a) => a.username));
    for (const row of repo.withRole('it')) {
      if (listed.has(row.username)) continue;
      repo.remove(row.id);
      audit('staff.removed', row.id, row.username);
      result.removed.push(row.username);
    }
  })();
  if (result.skipped.length > 0) {
    // User names stay out of the log; the audit log names them for IT.
    logger.warn('device config lists IT user names that desk accounts already use; those stay as they are (see the audit log)', { skipped: result.skipped.length });
  }
  if (result.added.length + result.updated.length + result.removed.length > 0) {
    logger.info('IT accounts provisioned from the device config', { added: result.added.length, updated: result.updated.length, removed: result.removed.length });
  }
  return result;
}
