import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { DeskSession, SignInResult, StaffMember, StaffMemberRow } from '../../../shared/contract/staff-channels';
import { pinWeakness } from '../../../shared/staff/pin';
import { hasStaffRole, type StaffRole } from '../../../shared/staff/staff-role';
import { CoreError } from '../errors';
import { appendAudit, type AuditEntry } from '../outbox/audit';
import { decoyHash, hashPin, verifyPin } from './pin-hash';
import { lockoutMs, maxFailures } from './lockout';
import { createStaffRepo, type StaffRow } from './staff-repo';

export interface StaffServiceOptions {
  db: Database;
  autoLockSeconds: number;
  /** The core's clock, in milliseconds: sessions, lockouts and audit times. */
  now: () => number;
}

interface Session {
  member: StaffMember;
  lastActivity: number;
}

/** What one client (a browser session or an Electron window) has at this desk. */
interface ClientDesk {
  session: Session | null;
  lockedFor: StaffMember | null;
}

export type StaffService = ReturnType<typeof createStaffService>;

const toMember = (row: StaffRow): StaffMember => ({ id: row.id, username: row.username, displayName: row.display_name, role: row.role });

/**
 * Staff accounts and the desk sessions of this counter PC, one per client that signed in. The
 * sessions live here in the core, not in the renderer, so the access gate in dispatch can check
 * every staff call against the calling client's session, and a desk left alone locks itself even
 * if the screen has been tampered with. Another client (a second browser or window, a copied address) holds
 * no session of its own until someone signs in there.
 */
export function createStaffService(options: StaffServiceOptions) {
  const { db } = options;
  const { now } = options;
  /** Every sign-in, failure, lock and account change; never the PIN, not even a wrong one. */
  const audit = { record: (entry: AuditEntry & { at?: Date }) => appendAudit(db, entry.at ?? new Date(now()), entry) };
  const repo = createStaffRepo(db);
  const autoLockMs = options.autoLockSeconds * 1000;
  const desks = new Map<string, ClientDesk>();
  const deskOf = (client: string): ClientDesk => {
    let desk = desks.get(client);
    if (!desk) {
      desk = { session: null, lockedFor: null };
      desks.set(client, desk);
    }
    return desk;
  };
  /** Sign-ins per user name, one after another: a burst of tries in parallel is counted try by try. */
  const signIns = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    const run = (signIns.get(key) ?? Promise.resolve()).then(attempt, attempt);
    const settled = run.catch(() => undefined);
    signIns.set(key, settled);
    void settled.then(() => {
      if (signIns.get(key) === settled) signIns.delete(key);
    });
    return run;
  }

  const toRow = (row: StaffRow): StaffMemberRow => ({
    ...toMember(row),
    locked: row.locked_until !== null && row.locked_until > now(),
    createdAt: row.created_at,
  });

  /** Ends a session that has been idle too long; the audit entry carries the moment it locked. */
  function expireIdle(client: string): ClientDesk {
    const desk = deskOf(client);
    const { session } = desk;
    if (!session || now() - session.lastActivity < autoLockMs) return desk;
    const { member, lastActivity } = session;
    audit.record({ action: 'staff.auto-locked', aggregateType: 'staff', aggregateId: member.id, at: new Date(lastActivity + autoLockMs), detail: { idleSeconds: options.autoLockSeconds } });
    desk.lockedFor = member;
    desk.session = null;
    return desk;
  }

  function deskSession(client: string): DeskSession {
    const { session, lockedFor } = expireIdle(client);
    return {
      // IT's provisioned accounts do not make a desk "set up": the shop still needs its manager.
      setupNeeded: repo.managers() === 0,
      signedIn: session?.member ?? null,
      lockedFor: lockedFor && { username: lockedFor.username, displayName: lockedFor.displayName },
      autoLockSeconds: options.autoLockSeconds,
    };
  }

  function startSession(client: string, member: StaffMember): DeskSession {
    desks.set(client, { session: { member, lastActivity: now() }, lockedFor: null });
    return deskSession(client);
  }

  function requireSession(client: string): Session {
    const { session } = expireIdle(client);
    if (!session) throw new CoreError('forbidden', 'Nobody is signed in at this desk.');
    return session;
  }

  /** The core does not trust the screen's check of a new PIN: the same policy again, before any hash. */
  function assertStrongPin(pin: string): void {
    const weakness = pinWeakness(pin);
    if (weakness) throw new CoreError('invalid_input', weakness);
  }

  function assertMayManage(actor: StaffMember, role: StaffRole): void {
    if (!hasStaffRole(actor.role, role)) throw new CoreError('forbidden', `A ${actor.role} cannot manage a ${role} account.`);
  }

  const taken = (username: string) => new CoreError('conflict', `The user name "${username}" is already taken.`);

  /**
   * The slow hash runs first; the checks that decide whether the account may exist run again
   * with the insert in one transaction, so two calls in parallel cannot both pass them.
   */
  async function createMember(input: { username: string; displayName: string; pin: string; role: StaffRole }, mayCreate: () => void = () => undefined): Promise<StaffRow> {
    assertStrongPin(input.pin);
    if (repo.byUsername(input.username)) throw taken(input.username);
    const row = { id: uuidv7(), username: input.username, display_name: input.displayName, role: input.role, pin_hash: await hashPin(input.pin), created_at: new Date(now()).toISOString() };
    db.transaction(() => {
      mayCreate();
      if (repo.byUsername(input.username)) throw taken(input.username);
      repo.insert(row);
    })();
    return { ...row, failed_attempts: 0, locked_until: null };
  }

  const alreadySetUp = () => new CoreError('conflict', 'This desk is already set up; ask the location manager for an account.');

  return {
    session: deskSession,

    /**
     * For the dispatcher's access gate. Asking is not activity: screens poll (the queue, the sync
     * status), and a desk nobody touches must still lock. Activity is `touch`, sent on keyboard and mouse use.
     */
    currentRole(client: string): StaffRole | null {
      return expireIdle(client).session?.member.role ?? null;
    },

    current: (client: string): StaffMember => requireSession(client).member,

    async setup(input: { username: string; displayName: string; pin: string }, client: string): Promise<DeskSession> {
      if (repo.managers() > 0) throw alreadySetUp();
      const row = await createMember({ ...input, role: 'location-manager' }, () => {
        if (repo.managers() > 0) throw alreadySetUp();
      });
      audit.record({ action: 'staff.setup', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role } });
      return startSession(client, toMember(row));
    },

    signIn: (input: { username: string; pin: string }, client: string): Promise<SignInResult> =>
      oneAtATime(input.username, async () => {
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
        // The try counts as wrong (and may lock the account) before the hash is checked; the
        // right PIN takes it back. A crash during the hash therefore costs the guesser a try.
        const counted = db.transaction(() => {
          const failures = repo.recordFailure(row.id);
          const until = failures < maxFailures ? null : now() + lockoutMs(failures);
          if (until !== null) repo.lockUntil(row.id, until);
          return { failures, until };
        })();
        if (await verifyPin(input.pin, row.pin_hash)) {
          db.transaction(() => {
            repo.recordSuccess(row.id);
            audit.record({ action: 'staff.sign-in', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role } });
          })();
          return { ok: true, session: startSession(client, toMember(row)) };
        }
        const { failures, until } = counted;
        audit.record({ action: 'staff.sign-in-failed', aggregateType: 'staff', aggregateId: row.id, detail: { failures } });
        if (until === null) return { ok: false, reason: 'wrong', lockedUntil: null };
        audit.record({ action: 'staff.locked-out', aggregateType: 'staff', aggregateId: row.id, detail: { failures, seconds: lockoutMs(failures) / 1000 } });
        return { ok: false, reason: 'locked', lockedUntil: new Date(until).toISOString() };
      }),

    signOut(client: string): DeskSession {
      const { member } = requireSession(client);
      audit.record({ action: 'staff.sign-out', aggregateType: 'staff', aggregateId: member.id });
      desks.delete(client);
      return deskSession(client);
    },

    lock(client: string): DeskSession {
      const { member } = requireSession(client);
      audit.record({ action: 'staff.desk-locked', aggregateType: 'staff', aggregateId: member.id });
      desks.set(client, { session: null, lockedFor: member });
      return deskSession(client);
    },

    touch(client: string): { autoLockAt: string } {
      const current = requireSession(client);
      current.lastActivity = now();
      return { autoLockAt: new Date(current.lastActivity + autoLockMs).toISOString() };
    },

    members: (): StaffMemberRow[] => repo.all().map(toRow),

    async add(input: { username: string; displayName: string; pin: string; role: StaffRole }, client: string): Promise<StaffMemberRow> {
      const actor = requireSession(client).member;
      assertMayManage(actor, input.role);
      const row = await createMember(input);
      audit.record({ action: 'staff.added', aggregateType: 'staff', aggregateId: row.id, detail: { role: row.role, by: actor.id } });
      return toRow(row);
    },

    remove(id: string, client: string): { removed: true } {
      const actor = requireSession(client).member;
      const row = repo.byId(id);
      if (!row) throw new CoreError('not_found', 'There is no such staff account.');
      if (row.id === actor.id) throw new CoreError('forbidden', 'You cannot remove your own account.');
      assertMayManage(actor, row.role);
      db.transaction(() => {
        repo.remove(id);
        audit.record({ action: 'staff.removed', aggregateType: 'staff', aggregateId: id, detail: { role: row.role, by: actor.id } });
      })();
      // Signed in at another window or browser: a removed account works nowhere from now on.
      for (const [client, desk] of desks) if (desk.session?.member.id === id || desk.lockedFor?.id === id) desks.delete(client);
      return { removed: true };
    },

    async resetPin(id: string, pin: string, client: string): Promise<StaffMemberRow> {
      const actor = requireSession(client).member;
      const row = repo.byId(id);
      if (!row) throw new CoreError('not_found', 'There is no such staff account.');
      assertMayManage(actor, row.role);
      assertStrongPin(pin);
      const hash = await hashPin(pin);
      db.transaction(() => {
        repo.setPin(id, hash);
        audit.record({ action: 'staff.pin-reset', aggregateType: 'staff', aggregateId: id, detail: { by: actor.id } });
      })();
      return toRow({ ...row, pin_hash: hash, failed_attempts: 0, locked_until: null });
    },
  };
}
