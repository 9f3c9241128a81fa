import type { Database } from 'better-sqlite3';
import { KioskCountsReport, KioskDayCounts, StoredDayCounts, type KioskCountsAck } from '../../../shared/hub/kiosk-counts';
import { formatIssues } from '../../../shared/validation/format-issues';
import { serviceDay } from '../requests/service-day';
import { perDatabase } from '../store/per-database';
import { HubRejection } from './hub-ingest';

/**
 * The hub's statistics do not wait for a kiosk that has not closed a day after this long: one
 * switched off for good (not yet replaced) must not hold back the location's figures for ever.
 */
export const waitForKiosksMs = 2 * 86_400_000;

const dayAfter = (day: string): string => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The counts each kiosk made on its own, as its latest report gave them: one row per kiosk
 * installation and day, replaced only by a report with a higher version, so a resent, late or
 * repeated report never counts twice. Keyed by installation, so a replaced kiosk's days stay and its
 * successor's are added to them.
 */
export const hubCounts = perDatabase((db: Database) => {
  const upsert = db.prepare(
    `INSERT INTO hub_kiosk_counts (kiosk, install, day, version, counts, received_at) VALUES (@kiosk, @install, @day, @version, @counts, @at)
     ON CONFLICT (kiosk, install, day) DO UPDATE SET version = excluded.version, counts = excluded.counts, received_at = excluded.received_at
     WHERE excluded.version > hub_kiosk_counts.version`,
  );
  const held = db.prepare<[string, string, string], { version: number }>('SELECT version FROM hub_kiosk_counts WHERE kiosk = ? AND install = ? AND day = ?');
  const between = db.prepare<[string, string], { counts: string }>('SELECT counts FROM hub_kiosk_counts WHERE day >= ? AND day <= ?');
  const days = db.prepare<[string, string], { day: string }>('SELECT DISTINCT day FROM hub_kiosk_counts WHERE day >= ? AND day < ?');
  const closed = db.prepare("UPDATE hub_kiosks SET counts_through = ? WHERE identity = ? AND enrolled_install = ? AND (counts_through IS NULL OR counts_through < ?)");
  const open = db.prepare<[string], { identity: string }>('SELECT identity FROM hub_kiosks WHERE enrolled_install IS NOT NULL AND counts_through IS NOT NULL AND counts_through < ?');

  const take = db.transaction((kiosk: string, install: string, body: unknown, now: Date): KioskCountsAck => {
    const report = KioskCountsReport.safeParse(body);
    if (!report.success) {
      const issue = formatIssues(report.error)[0];
      throw new HubRejection(`the counts report does not match the hub contract: ${issue ? `${issue.path}: ${issue.message}` : 'unknown field'}`);
    }
    // A day after the hub's tomorrow is a kiosk clock gone wrong, not a count to keep.
    const latest = dayAfter(serviceDay(now));
    const ack: KioskCountsAck = { stored: [], refused: [] };
    report.data.days.forEach((entry, index) => {
      const day = KioskDayCounts.safeParse(entry);
      if (!day.success) {
        const issue = formatIssues(day.error)[0];
        ack.refused.push({ index, reason: (issue ? `${issue.path}: ${issue.message}` : 'not a day of counts').slice(0, 300) });
        return;
      }
      if (day.data.day > latest) {
        ack.refused.push({ index, reason: `day ${day.data.day} is after the hub's ${latest}: check the kiosk's clock` });
        return;
      }
      const { invitationsByCampaign, feedback } = day.data;
      const counts: StoredDayCounts = { invitationsByCampaign, feedback };
      upsert.run({ kiosk, install, day: day.data.day, version: day.data.version, counts: JSON.stringify(counts), at: now.toISOString() });
      ack.stored.push({ day: day.data.day, version: held.get(kiosk, install, day.data.day)?.version ?? day.data.version });
    });
    const through = report.data.closedThrough;
    if (through !== null && through < serviceDay(now)) closed.run(through, kiosk, install, through);
    return ack;
  });

  return {
    /** Stores a kiosk's report in one transaction: each valid day kept (or a newer one the hub had), each damaged day refused with its reason. */
    take: (kiosk: string, install: string, body: unknown, now: Date): KioskCountsAck => take.immediate(kiosk, install, body, now),
    /** The kiosks' counts of the days from `from` to `to` (both included), all kiosks added up. */
    between(from: string, to: string): StoredDayCounts {
      const sum = { invitations: new Map<string, number>(), feedback: new Map<string, number>() };
      for (const row of between.all(from, to)) {
        const parsed = StoredDayCounts.safeParse(JSON.parse(row.counts));
        // Written from a validated report; a row an older app wrote in another shape is left out, not guessed at.
        if (!parsed.success) continue;
        for (const c of parsed.data.invitationsByCampaign) sum.invitations.set(c.key, (sum.invitations.get(c.key) ?? 0) + c.count);
        for (const f of parsed.data.feedback) sum.feedback.set(`${f.service} ${f.rating}`, (sum.feedback.get(`${f.service} ${f.rating}`) ?? 0) + f.count);
      }
      return {
        invitationsByCampaign: [...sum.invitations].map(([key, count]) => ({ key, count })),
        feedback: [...sum.feedback].map(([key, count]) => {
          const [service, rating] = key.split(' ') as [StoredDayCounts['feedback'][number]['service'], StoredDayCounts['feedback'][number]['rating']];
          return { service, rating, count };
        }),
      };
    },
    daysBetween(from: string, to: string): string[] {
      return days.all(from, to).map((r) => r.day);
    },
    /**
     * The kiosks that may still bring counts of `day`: they report their counts and have not yet
     * said the day is over and delivered. None once the day is `waitForKiosksMs` behind `now`.
     */
    kiosksStillCounting(day: string, now: Date): string[] {
      if (now.getTime() - Date.parse(`${dayAfter(day)}T00:00:00Z`) > waitForKiosksMs) return [];
      return open.all(day).map((r) => r.identity);
    },
  };
});
