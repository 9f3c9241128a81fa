import type { Database as Db } from 'better-sqlite3';
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { Heartbeat } from '../../shared/central-api/devices';
import { heartbeatHistoryMax, type FleetDevice, type FleetDeviceQuery, type FleetHealth, type FleetHeartbeatHistory } from '../../shared/central-api/fleet';

/** Devices heartbeat every five minutes; three missed beats and the console calls a device silent. */
export const heartbeatIntervalSeconds = 300;
export const silentAfterSeconds = 3 * heartbeatIntervalSeconds;
const itSessionSeconds = 8 * 3600;

const hashToken = (token: string): string => createHash('sha256').update(`it:${token}`).digest('base64url');

interface LatestRow {
  id: string;
  location_id: string;
  role: string;
  region: string | null;
  body: string | null;
  received_at: string | null;
}

function toDevice(row: LatestRow, now: Date): FleetDevice {
  // Checked against the contract when it arrived; parsing it again for every row of every list would be the slowest part of the answer.
  const hb = row.body === null ? null : (JSON.parse(row.body) as Heartbeat);
  const seenAt = row.received_at;
  const silent = !seenAt || now.getTime() - Date.parse(seenAt) > silentAfterSeconds * 1000;
  const health: FleetHealth = silent ? 'silent' : (hb?.health ?? 'silent');
  const state = hb?.update.state;
  const detail = !state ? null : state.phase === 'failed' ? state.reason : 'version' in state ? state.version : null;
  return {
    deviceId: row.id,
    locationId: row.location_id,
    region: row.region,
    role: row.role === 'counter' ? 'counter' : 'kiosk',
    health,
    appVersion: hb?.appVersion ?? null,
    contentVersion: hb?.contentVersion ?? null,
    channel: hb?.update.channel ?? null,
    rolloutPosition: hb?.update.rolloutPosition ?? null,
    updateState: state?.phase ?? null,
    updateDetail: detail,
    printerState: hb?.printer.state ?? null,
    paperLow: hb?.printer.paperLow ?? null,
    queueDepth: hb?.queueDepth ?? null,
    needsAttention: hb?.needsAttention ?? null,
    oldestPendingAgeSeconds: hb?.oldestPendingAgeSeconds ?? null,
    diskFreeBytes: hb?.diskFreeBytes ?? null,
    lastSeenAt: seenAt,
  };
}

/**
 * The fleet's tables in the simulator's SQLite file: IT accounts and their tokens, the region of
 * each location, every device's latest heartbeat, and a history bounded per device.
 */
export function openFleetStore(db: Db) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS it_accounts (username TEXT PRIMARY KEY, salt TEXT NOT NULL, password_hash TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS it_tokens (token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, expires_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS fleet_locations (location_id TEXT PRIMARY KEY, region TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS fleet_latest (device_id TEXT PRIMARY KEY, body TEXT NOT NULL, received_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS fleet_history (seq INTEGER PRIMARY KEY AUTOINCREMENT, device_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS fleet_history_by_device ON fleet_history (device_id, seq);
  `);
  const upsertLatest = db.prepare(
    'INSERT INTO fleet_latest (device_id, body, received_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET body = excluded.body, received_at = excluded.received_at',
  );
  const insertHistory = db.prepare('INSERT INTO fleet_history (device_id, body, received_at) VALUES (?, ?, ?)');
  const trimHistory = db.prepare(
    'DELETE FROM fleet_history WHERE device_id = ? AND seq <= (SELECT seq FROM fleet_history WHERE device_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)',
  );
  const latestSelect = `SELECT d.id, d.location_id, d.role, l.region, f.body, f.received_at
    FROM devices d LEFT JOIN fleet_latest f ON f.device_id = d.id LEFT JOIN fleet_locations l ON l.location_id = d.location_id WHERE d.revoked = 0`;
  const allLatest = db.prepare(`${latestSelect} ORDER BY d.location_id, d.role DESC, d.id`);
  const oneLatest = db.prepare(`${latestSelect} AND d.id = ?`);
  const historyOf = db.prepare('SELECT body, received_at FROM fleet_history WHERE device_id = ? ORDER BY seq DESC LIMIT ?');
  const record = db.transaction((deviceId: string, body: string, at: string) => {
    upsertLatest.run(deviceId, body, at);
    insertHistory.run(deviceId, body, at);
    trimHistory.run(deviceId, deviceId, heartbeatHistoryMax);
  });

  return {
    addItAccount(username: string, password: string): void {
      const salt = randomBytes(16).toString('base64url');
      const hash = scryptSync(password, salt, 32).toString('base64url');
      db.prepare('INSERT INTO it_accounts (username, salt, password_hash) VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET salt = excluded.salt, password_hash = excluded.password_hash').run(username, salt, hash);
    },
    /** A token for a matching username and password; null otherwise, the same way for either mistake. */
    signIn(username: string, password: string, now: Date): { itToken: string; expiresAt: string } | null {
      const row = db.prepare('SELECT salt, password_hash FROM it_accounts WHERE username = ?').get(username) as { salt: string; password_hash: string } | undefined;
      const expected = Buffer.from(row?.password_hash ?? 'x'.repeat(43), 'base64url');
      const actual = scryptSync(password, row?.salt ?? 'no-such-account', 32);
      if (!row || expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      const itToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + itSessionSeconds * 1000).toISOString();
      db.prepare('INSERT INTO it_tokens (token_hash, username, expires_at) VALUES (?, ?, ?)').run(hashToken(itToken), username, expiresAt);
      return { itToken, expiresAt };
    },
    itUserFor(token: string, now: Date): string | null {
      const row = db.prepare('SELECT username, expires_at FROM it_tokens WHERE token_hash = ?').get(hashToken(token)) as { username: string; expires_at: string } | undefined;
      return row && Date.parse(row.expires_at) > now.getTime() ? row.username : null;
    },
    setLocations(locations: readonly { id: string; region: string }[]): void {
      const insert = db.prepare('INSERT INTO fleet_locations (location_id, region) VALUES (?, ?) ON CONFLICT (location_id) DO UPDATE SET region = excluded.region');
      db.transaction(() => locations.forEach((l) => insert.run(l.id, l.region)))();
    },
    record(deviceId: string, heartbeat: Heartbeat, now: Date): void {
      record(deviceId, JSON.stringify(heartbeat), now.toISOString());
    },
    devices(query: FleetDeviceQuery, now: Date): FleetDevice[] {
      return (allLatest.all() as LatestRow[])
        .filter((r) => (!query.location || r.location_id === query.location) && (!query.region || r.region === query.region))
        .map((r) => toDevice(r, now))
        .filter((d) => !query.state || d.health === query.state);
    },
    history(deviceId: string, now: Date): FleetHeartbeatHistory | null {
      const row = oneLatest.get(deviceId) as LatestRow | undefined;
      if (!row) return null;
      const beats = historyOf.all(deviceId, heartbeatHistoryMax) as { body: string; received_at: string }[];
      return { device: toDevice(row, now), heartbeats: beats.map((b) => ({ receivedAt: b.received_at, heartbeat: Heartbeat.parse(JSON.parse(b.body)) })) };
    },
    historyCount(deviceId: string): number {
      return (db.prepare('SELECT count(*) AS n FROM fleet_history WHERE device_id = ?').get(deviceId) as { n: number }).n;
    },
  };
}

export type FleetStore = ReturnType<typeof openFleetStore>;
