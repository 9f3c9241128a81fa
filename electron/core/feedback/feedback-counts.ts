import type { Database } from 'better-sqlite3';
import { perDatabase } from '../store/per-database';

/** Answers per service day, service and rating: counts only. */
export const feedbackCounts = perDatabase((db: Database) => {
  const add = db.prepare('INSERT INTO feedback_counts (day, service, rating, answers) VALUES (?, ?, ?, 1) ON CONFLICT (day, service, rating) DO UPDATE SET answers = answers + 1');
  const between = db.prepare('SELECT service, rating, SUM(answers) AS answers FROM feedback_counts WHERE day >= ? AND day <= ? GROUP BY service, rating ORDER BY service, rating');
  const days = db.prepare('SELECT DISTINCT day FROM feedback_counts WHERE day >= ? AND day < ?');
  return {
    add(day: string, service: string, rating: string): void {
      add.run(day, service, rating);
    },
    /** Both days included. */
    between(from: string, to: string): Array<{ service: string; rating: string; answers: number }> {
      return between.all(from, to) as Array<{ service: string; rating: string; answers: number }>;
    },
    /** From included, to excluded. */
    daysBetween(from: string, to: string): string[] {
      return (days.all(from, to) as Array<{ day: string }>).map((r) => r.day);
    },
  };
});
