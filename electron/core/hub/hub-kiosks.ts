import type { Database } from 'better-sqlite3';
import type { HubKiosk } from '../../../shared/contract/desk-channels';
import { kioskSilentAfterMs, type KioskStatusReport } from '../../../shared/hub/kiosk-status';
import { PrinterStatusSchema } from '../../../shared/printing/printer-status';
import type { HubRefusalCode } from '../../../shared/hub/hub-link';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import { ticketRepo } from '../tickets/ticket-repo';
import type { ParsedIdentity } from './hub-psk';

interface KioskRow {
  identity: string;
  app_version: string | null;
  last_seen_at: string;
  messages: number;
  printer: string | null;
  queue_depth: number | null;
  queue_needs_attention: number | null;
  queue_oldest_at: string | null;
  status_at: string | null;
  enrolled_install: string | null;
  enrolled_at: string | null;
  candidate_install: string | null;
  candidate_since: string | null;
}

/** Whether the hub lets an installation act for a ticket letter: only the enrolled one may. */
export type Admission = { admitted: true } | { admitted: false; code: HubRefusalCode; reason: string };

/** The version a kiosk states in its X-App-Version header; anything else is not shown to staff. */
export function headerVersion(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(value) ? value : null;
}

/** Silent: no message and no heartbeat for longer than three heartbeat intervals. */
export function isSilent(lastSeenAt: string, now: Date, silentAfterMs = kioskSilentAfterMs): boolean {
  return now.getTime() - Date.parse(lastSeenAt) > silentAfterMs;
}

/**
 * The kiosk's oldest undelivered row, placed on the hub's clock: the report's arrival minus the age
 * the kiosk measured on its own clock, so a kiosk whose clock is off still reports how long it waits.
 */
function onHubClock(report: KioskStatusReport, at: Date): string | null {
  const age = report.queue.oldestPendingAgeSeconds;
  if (age === null) return report.queue.oldestPendingAt;
  return new Date(at.getTime() - age * 1000).toISOString();
}

function toKiosk(row: KioskRow, now: Date): HubKiosk {
  // The column was written from a validated report; a row that no longer parses (an older app's
  // shape) shows as "no status yet" rather than breaking the whole list.
  const printer = row.printer === null ? null : PrinterStatusSchema.safeParse(JSON.parse(row.printer));
  return {
    identity: row.identity,
    appVersion: row.app_version,
    lastSeenAt: row.last_seen_at,
    messages: row.messages,
    // A letter nobody is enrolled for yet has no contact to lose: its waiting kiosk shows as such.
    silent: row.enrolled_install !== null && isSilent(row.last_seen_at, now),
    printer: printer?.success ? printer.data : null,
    queue:
      row.queue_depth === null
        ? null
        : {
            pending: row.queue_depth,
            needsAttention: row.queue_needs_attention ?? 0,
            oldestPendingAt: row.queue_oldest_at,
            oldestPendingAgeSeconds: row.queue_oldest_at === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(row.queue_oldest_at)) / 1000)),
          },
    statusAt: row.status_at,
    enrolled: row.enrolled_install !== null,
    candidate: row.candidate_install === null ? null : { install: row.candidate_install, since: row.candidate_since ?? row.last_seen_at, takeover: row.enrolled_install !== null },
  };
}

/**
 * The kiosks the location hub has heard from, kept in the hub's database so the desk still knows
 * them after the counter restarts. A message counts as contact in its ingest transaction; a
 * heartbeat replaces the kiosk's last reported state.
 */
export function createHubKiosks(db: Database, options: { ownPrefix?: string } = {}) {
  const slotOf = db.prepare<[string], KioskRow>('SELECT * FROM hub_kiosks WHERE identity = ?');
  const newSlot = db.prepare('INSERT INTO hub_kiosks (identity, last_seen_at, messages, candidate_install, candidate_since) VALUES (?, ?, 0, ?, ?)');
  const adopt = db.prepare("UPDATE hub_kiosks SET enrolled_install = ?, enrolled_at = ? WHERE identity = ? AND enrolled_install = '*'");
  const candidate = db.prepare('UPDATE hub_kiosks SET candidate_install = ?, candidate_since = ? WHERE identity = ?');
  const enroll = db.prepare('UPDATE hub_kiosks SET enrolled_install = candidate_install, enrolled_at = ?, candidate_install = NULL, candidate_since = NULL WHERE identity = ? AND candidate_install = ?');
  const seen = db.prepare(
    `INSERT INTO hub_kiosks (identity, app_version, last_seen_at, messages) VALUES (@identity, @version, @at, @counted)
     ON CONFLICT (identity) DO UPDATE SET
       app_version = coalesce(excluded.app_version, app_version),
       last_seen_at = excluded.last_seen_at,
       messages = messages + excluded.messages`,
  );
  const reported = db.prepare(
    `INSERT INTO hub_kiosks (identity, app_version, last_seen_at, messages, printer, queue_depth, queue_needs_attention, queue_oldest_at, status_at)
     VALUES (@identity, @version, @at, 0, @printer, @pending, @needsAttention, @oldestPendingAt, @at)
     ON CONFLICT (identity) DO UPDATE SET
       app_version = excluded.app_version,
       last_seen_at = excluded.last_seen_at,
       printer = excluded.printer,
       queue_depth = excluded.queue_depth,
       queue_needs_attention = excluded.queue_needs_attention,
       queue_oldest_at = excluded.queue_oldest_at,
       status_at = excluded.status_at`,
  );
  const all = db.prepare<[], KioskRow>('SELECT * FROM hub_kiosks ORDER BY identity');

  const admit = db.transaction((who: ParsedIdentity, now: Date): Admission => {
    if (who.prefix === options.ownPrefix) {
      return { admitted: false, code: 'own-prefix', reason: `ticket letter ${who.prefix} is the counter's own: give this kiosk another ticketPrefix` };
    }
    const row = slotOf.get(who.slot);
    const at = now.toISOString();
    if (!row) {
      newSlot.run(who.slot, at, who.installId, at);
      appendAudit(db, now, { action: 'hub.kiosk-pending', aggregateType: 'hub-kiosk', aggregateId: who.slot, detail: { prefix: who.prefix, install: who.installId } });
    } else if (row.enrolled_install === who.installId) {
      return { admitted: true };
    } else if (row.enrolled_install === '*') {
      adopt.run(who.installId, at, who.slot);
      appendAudit(db, now, { action: 'hub.kiosk-enrolled', aggregateType: 'hub-kiosk', aggregateId: who.slot, detail: { prefix: who.prefix, install: who.installId, by: 'upgrade' } });
      return { admitted: true };
    } else if (row.candidate_install !== who.installId) {
      candidate.run(who.installId, at, who.slot);
      appendAudit(db, now, { action: 'hub.kiosk-pending', aggregateType: 'hub-kiosk', aggregateId: who.slot, detail: { prefix: who.prefix, install: who.installId, takeover: row.enrolled_install !== null } });
    }
    const taken = row?.enrolled_install != null;
    return taken
      ? { admitted: false, code: 'prefix-taken', reason: `another kiosk is enrolled for ticket letter ${who.prefix}: a location manager approves this one as its replacement at the desk (sync view)` }
      : { admitted: false, code: 'not-enrolled', reason: `this kiosk is not enrolled at the hub yet: a location manager approves it at the desk (sync view)` };
  });

  return {
    /**
     * May this installation act for its ticket letter? An unknown one is written down as waiting
     * for approval (nothing it sends is stored); a letter held by another installation is taken
     * over only when a location manager approves the new one.
     */
    admit: (who: ParsedIdentity, now: Date): Admission => admit.immediate(who, now),
    /** A location manager approves the installation waiting for a ticket letter; the one it replaces is refused from then on. */
    approve(slot: string, install: string, staffId: string, now: Date): void {
      db.transaction(() => {
        const row = slotOf.get(slot);
        if (!row || row.candidate_install !== install) throw new CoreError('conflict', 'No kiosk waits for approval under this letter any more: look at the list again.');
        enroll.run(now.toISOString(), slot, install);
        appendAudit(db, now, { action: 'hub.kiosk-enrolled', aggregateType: 'hub-kiosk', aggregateId: slot, detail: { install, replaced: row.enrolled_install, by: staffId } });
      }).immediate();
    },
    /** The highest ticket number the hub holds for a letter on a service day (0 for none). */
    lastSeq: (prefix: string, day: string): number => ticketRepo(db).lastSeqOfLetter(prefix, day),
    /** A message arrived; `counted` is false for a resend the hub already had. Runs inside the ingest transaction. */
    noteMessage(identity: string, appVersion: string | null, counted: boolean, at: Date): void {
      seen.run({ identity, version: appVersion, at: at.toISOString(), counted: counted ? 1 : 0 });
    },
    noteStatus(identity: string, report: KioskStatusReport, at: Date): void {
      reported.run({
        identity,
        version: report.appVersion,
        at: at.toISOString(),
        printer: JSON.stringify(report.printer),
        pending: report.queue.pending,
        needsAttention: report.queue.needsAttention,
        oldestPendingAt: onHubClock(report, at),
      });
    },
    list(now: Date): HubKiosk[] {
      return all.all().map((row) => toKiosk(row, now));
    },
  };
}

export type HubKiosks = ReturnType<typeof createHubKiosks>;
