import type { Database } from 'better-sqlite3';
import type { StaffRole } from '../../../shared/staff/staff-role';

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  pin_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  created_at: string;
}

export type StaffRepo = ReturnType<typeof createStaffRepo>;

export function createStaffRepo(db: Database) {
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff');
  const managers = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM staff WHERE role = 'location-manager'");
  const byRole = db.prepare<[StaffRole], StaffRow>('SELECT * FROM staff WHERE role = ?');
  const setProvisioned = db.prepare<[string, string, string]>(
    'UPDATE staff SET display_name = ?, pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const byUsername = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE username = ?');
  const byId = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?');
  const all = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY role DESC, display_name');
  const insert = db.prepare(
    'INSERT INTO staff (id, username, display_name, role, pin_hash, created_at) VALUES (@id, @username, @display_name, @role, @pin_hash, @created_at)',
  );
  const failure = db.prepare<[string], { failed_attempts: number }>(
    'UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
  );
  const lockUntil = db.prepare<[number | null, string]>('UPDATE staff SET locked_until = ? WHERE id = ?');
  const success = db.prepare<[string]>('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const setPin = db.prepare<[string, string]>('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM staff WHERE id = ?');
  return {
    count: () => count.get()?.n ?? 0,
    managers: () => managers.get()?.n ?? 0,
    withRole: (role: StaffRole) => byRole.all(role),
    /** An account that provisioning owns (IT's): its name and PIN hash as the device config says. */
    setProvisioned: (id: string, displayName: string, pinHash: string) => setProvisioned.run(displayName, pinHash, id),
    byUsername: (username: string) => byUsername.get(username),
    byId: (id: string) => byId.get(id),
    all: () => all.all(),
    insert: (row: Omit<StaffRow, 'failed_attempts' | 'locked_until'>) => insert.run(row),
    /** Counts one more wrong PIN and answers the new total, atomically. */
    recordFailure: (id: string) => failure.get(id)?.failed_attempts ?? 0,
    lockUntil: (id: string, until: number | null) => lockUntil.run(until, id),
    recordSuccess: (id: string) => success.run(id),
    setPin: (id: string, hash: string) => setPin.run(hash, id),
    remove: (id: string) => remove.run(id).changes > 0,
  };
}
