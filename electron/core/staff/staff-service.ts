import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeskSession, SignInResult, StaffMember, StaffMemberRow } from '../../../shared/contract/staff-channels';
import { hasStaffRole, type StaffRole } from '../../../shared/staff/staff-role';
import { CoreError } from '../errors';
import { appendAudit, type AuditEntry } from '../outbox/audit';
import { decoyHash, hashPin, verifyPin } from './pin-hash';
import { lockoutMs, maxFailures } from './lockout';
import { createStaffRepo, type StaffRow } from './staff-repo';

export interface StaffServiceOptions {
  db: Database;
  autoLockSeconds: number;
  now?: () => number;
}

interface Session {
  member: StaffMember;
  lastActivity: number;
}

export type StaffService = ReturnType<typeof createStaffService>;

const toMember = (row: StaffRow): StaffMember => ({ id: row.id, username: row.username, displayName: row.display_name, role: row.role });

/**
 * Staff accounts and the one desk session of this counter PC. The session lives here in the
 * core, not in the renderer, so the access gate in dispatch can check every staff call against
 * it, and a desk left alone locks itself even if the screen has been tampered with.
 */
export function createStaffService(options: StaffServiceOptions) {
  const { db } = options;
  const now = options.now ?? Date.now;
  /** Every sign-in, failure, lock and account change; never the PIN, not even a wrong one. */
  const audit = { record: (entry: AuditEntry & { at?: Date }) => appendAudit(db, entry.at ?? new Date(now()), entry) };
  const repo = createStaffRepo(db);
  const autoLockMs = options.autoLockSeconds * 1000;
  let session: Session | null = null;
  let lockedFor: StaffMember | null = null;

  const toRow = (row: StaffRow): StaffMemberRow => ({
    ...toMember(row),
    locked: row.locked_until !== null && row.locked_until > now(),
    createdAt: row.created_at,
  });

  /** Ends a session that has been idle too long; the audit entry carries the moment it locked. */
  function expireIdle(): void {
    if (!session || now() - session.lastActivity < autoLockMs) return;
    const { member, lastActivity } = session;
    audit.record({ action: 'staff.auto-locked', aggregateType: 'staff', aggregateId: member.id, at: new Date(lastActivity + autoLockMs), detail: { idleSeconds: options.autoLockSeconds } });
    lockedFor = member;
    session = null;
  }

  function deskSession(): DeskSession {
    expireIdle();
    return {
      // IT's provisioned accounts do not make a desk "set up": the shop still needs its manager.
      setupNeeded: repo.managers() === 0,
      signedIn: session?.member ?? null,
      lockedFor: lockedFor && { username: lockedFor.username, displayName: lockedFor.displayName },
      autoLockSeconds: options.autoLockSeconds,
    };
  }

  function startSession(member: StaffMember): DeskSession {
    session = { member, lastActivity: now() };
    lockedFor = null;
    return deskSession();
  }

  function requireSession(): Session {
    expireIdle();
    if (!session) throw new CoreError('forbidden', 'Nobody is signed in at this desk.');
    return session;
  }

  function assertMayManage(actor: StaffMember, role: StaffRole): void {
    if (!hasStaffRole(actor.role, role)) throw new CoreError('forbidden', `A ${actor.role} cannot manage a ${role} account.`);
  }

  async function createMember(input: { username: string; displayName: string; pin: string; role: StaffRole }): Promise<StaffRow> {
    if (repo.byUsername(input.username)) throw new CoreError('conflict', `The user name "${input.username}" is already taken.`);
    const row = { id: uuidv7(), username: input.username, display_name: input.displayName, role: input.role, pin_hash: await hashPin(input.pin), created_at: new Date(now()).toISOString() };
    repo.insert(row);
    return { ...row, failed_attempts: 0, locked_until: null };
  }

  return {
    session: deskSession,

    /**
     * For the dispatcher's access gate. Asking is not activity: screens poll (the queue, the sync
     * status), and a desk nobody touches must still lock. Activity is `touch`, sent on keyboard and mouse use.
     */
    currentRole(): StaffRole | null {
      expireIdle();
      return session?.member.role ?? null;
    },

    current: (): StaffMember => requireSession().member,

    async setup(input: { username: string; displayName: string; pin: string }): Promise<DeskSession> {
      if (repo.managers() > 0) throw new CoreError('conflict', 'This desk is already set up; ask the location manager for an account.');
      const row = await createMember({ ...input, role: 'location-manager' });
      audit.record({ action: 'staff.setup', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role } });
      return startSession(toMember(row));
    },

    async signIn(input: { username: string; pin: string }): Promise<SignInResult> {
      const row = repo.byUsername(input.username);
      if (!row) {
        await verifyPin(input.pin, decoyHash);
        audit.record({ action: 'staff.sign-in-failed', aggregateType: 'staff', aggregateId: 'unknown-user' });
        return { ok: false, reason: 'wrong', lockedUntil: null };
      }
      if (row.locked_until !== null && row.locked_until > now()) {
        audit.record({ action: 'staff.sign-in-refused-locked', aggregateType: 'staff', aggregateId: row.id });
        return { ok: false, reason: 'locked', lockedUntil: new Date(row.locked_until).toISOString() };
      }
      if (await verifyPin(input.pin, row.pin_hash)) {
        db.transaction(() => {
          repo.recordSuccess(row.id);
          audit.record({ action: 'staff.sign-in', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role } });
        })();
        return { ok: true, session: startSession(toMember(row)) };
      }
      const lockedUntil = db.transaction(() => {
        const failures = repo.recordFailure(row.id);
        audit.record({ action: 'staff.sign-in-failed', aggregateType: 'staff', aggregateId: row.id, detail: { failures } });
        if (failures < maxFailures) return null;
        const until = now() + lockoutMs(failures);
        repo.lockUntil(row.id, until);
        audit.record({ action: 'staff.locked-out', aggregateType: 'staff', aggregateId: row.id, detail: { failures, seconds: lockoutMs(failures) / 1000 } });
        return until;
      })();
      return lockedUntil === null
        ? { ok: false, reason: 'wrong', lockedUntil: null }
        : { ok: false, reason: 'locked', lockedUntil: new Date(lockedUntil).toISOString() };
    },

    signOut(): DeskSession {
      const { member } = requireSession();
      audit.record({ action: 'staff.sign-out', aggregateType: 'staff', aggregateId: member.id });
      session = null;
      lockedFor = null;
      return deskSession();
    },

    lock(): DeskSession {
      const { member } = requireSession();
      audit.record({ action: 'staff.desk-locked', aggregateType: 'staff', aggregateId: member.id });
      session = null;
      lockedFor = member;
      return deskSession();
    },

    touch(): { autoLockAt: string } {
      const current = requireSession();
      current.lastActivity = now();
      return { autoLockAt: new Date(current.lastActivity + autoLockMs).toISOString() };
    },

    members: (): StaffMemberRow[] => repo.all().map(toRow),

    async add(input: { username: string; displayName: string; pin: string; role: StaffRole }): Promise<StaffMemberRow> {
      const actor = requireSession().member;
      assertMayManage(actor, input.role);
      const row = await createMember(input);
      audit.record({ action: 'staff.added', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role, by: actor.id } });
      return toRow(row);
    },

    remove(id: string): { removed: true } {
      const actor = requireSession().member;
      const row = repo.byId(id);
      if (!row) throw new CoreError('not_found', 'There is no such staff account.');
      if (row.id === actor.id) throw new CoreError('forbidden', 'You cannot remove your own account.');
      assertMayManage(actor, row.role);
      db.transaction(() => {
        repo.remove(id);
        audit.record({ action: 'staff.removed', aggregateType: 'staff', aggregateId: id, detail: { role: row.role, by: actor.id } });
      })();
      return { removed: true };
    },

    async resetPin(id: string, pin: string): Promise<StaffMemberRow> {
      const actor = requireSession().member;
      const row = repo.byId(id);
      if (!row) throw new CoreError('not_found', 'There is no such staff account.');
      assertMayManage(actor, row.role);
      const hash = await hashPin(pin);
      db.transaction(() => {
        repo.setPin(id, hash);
        audit.record({ action: 'staff.pin-reset', aggregateType: 'staff', aggregateId: id, detail: { by: actor.id } });
      })();
      return toRow({ ...row, pin_hash: hash, failed_attempts: 0, locked_until: null });
    },
  };
}
