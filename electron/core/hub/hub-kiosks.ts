import type { Database } from 'better-sqlite3';
import type { HubKiosk } from '../../../shared/contract/desk-channels';
import { kioskSilentAfterMs, type KioskStatusReport } from '../../../shared/hub/kiosk-status';
import { PrinterStatusSchema } from '../../../shared/printing/printer-status';

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
}

/** The version a kiosk states in its X-App-Version header; anything else is not shown to staff. */
export function headerVersion(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(value) ? value : null;
}

/** Silent: no message and no heartbeat for longer than three heartbeat intervals. */
export function isSilent(lastSeenAt: string, now: Date, silentAfterMs = kioskSilentAfterMs): boolean {
  return now.getTime() - Date.parse(lastSeenAt) > silentAfterMs;
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
    silent: isSilent(row.last_seen_at, now),
    printer: printer?.success ? printer.data : null,
    queue:
      row.queue_depth === null
        ? null
        : { pending: row.queue_depth, needsAttention: row.queue_needs_attention ?? 0, oldestPendingAt: row.queue_oldest_at },
    statusAt: row.status_at,
  };
}

/**
 * The kiosks the location hub has heard from, kept in the hub's database so the desk still knows
 * them after the counter restarts. A message counts as contact in its ingest transaction; a
 * heartbeat replaces the kiosk's last reported state.
 */
export function createHubKiosks(db: Database) {
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

  return {
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
        oldestPendingAt: report.queue.oldestPendingAt,
      });
    },
    list(now: Date): HubKiosk[] {
      return all.all().map((row) => toKiosk(row, now));
    },
  };
}

export type HubKiosks = ReturnType<typeof createHubKiosks>;
