import type { Database } from 'better-sqlite3';
import { perDatabase } from '../store/per-database';

/** Visits per campaign per service day: the campaign's id and a count, never the code on the letter. */
export const invitationVisits = perDatabase((db: Database) => {
  const add = db.prepare('INSERT INTO invitation_visits (day, campaign, visits) VALUES (?, ?, 1) ON CONFLICT (day, campaign) DO UPDATE SET visits = visits + 1');
  const ofDay = db.prepare('SELECT campaign, visits FROM invitation_visits WHERE day = ? ORDER BY campaign');
  const days = db.prepare('SELECT DISTINCT day FROM invitation_visits WHERE day >= ? AND day < ?');
  return {
    count(day: string, campaign: string): void {
      add.run(day, campaign);
    },
    ofDay(day: string): Array<{ campaign: string; visits: number }> {
      return ofDay.all(day) as Array<{ campaign: string; visits: number }>;
    },
    daysBetween(from: string, to: string): string[] {
      return (days.all(from, to) as Array<{ day: string }>).map((r) => r.day);
    },
  };
});
