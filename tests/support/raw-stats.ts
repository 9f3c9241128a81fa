import Database from 'better-sqlite3';
import { join } from 'node:path';
import { readDailyStats } from '../../electron/core/statistics/daily-stats';
import { deviceDatabaseName } from '../../electron/core/store/open-device-store';
import type { DailyStats } from '../../shared/stats/daily-stats';

/**
 * The day's counts before small-cell suppression, read from the device's own database file. What
 * leaves the statistics module (`stats.daily`, the central API) is suppressed, so a test that
 * checks whether something was counted right (2 served, 1 no-show) reads here; the suppression
 * itself is tested in tests/unit/stats/suppression.test.ts.
 */
export function rawDailyStats(dataDir: string, day: string): DailyStats {
  const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true, fileMustExist: true });
  try {
    return readDailyStats(db, day);
  } finally {
    db.close();
  }
}
