import { z } from 'zod';
import type { FleetDevice } from '../central-api/fleet';
import { compareVersions, parseVersion } from '../updates/release-file';

/** What IT is told about, most urgent first: a silent device may be a dark shop, a full disk can wait a day. */
export const FleetAlertKind = z.enum(['silent', 'printer-paper-out', 'printer-offline', 'update-failed', 'needs-attention-old', 'disk-almost-full', 'content-old']);
export type FleetAlertKind = z.infer<typeof FleetAlertKind>;

export const FleetAlert = z.object({
  kind: FleetAlertKind,
  deviceId: z.string(),
  locationId: z.string(),
  region: z.string().nullable(),
  role: z.enum(['kiosk', 'counter']),
  /** Since when, where the heartbeat says (last seen for a silent device); null otherwise. */
  since: z.string().nullable(),
  /** The number or text that explains it: free bytes, the update's reason, the pack version. */
  detail: z.string().nullable(),
});
export type FleetAlert = z.infer<typeof FleetAlert>;

/** Below this much free disk the device log and the database may soon fail to grow. */
export const diskAlmostFullBytes = 2_000_000_000;
const dayMs = 24 * 3600 * 1000;

const urgency = (kind: FleetAlertKind): number => FleetAlertKind.options.indexOf(kind);

/** The newest content pack version any device runs: what every other device should catch up to. */
export function newestContentVersion(devices: readonly FleetDevice[]): string | null {
  return devices.reduce<string | null>((newest, d) => (d.contentVersion && (!newest || d.contentVersion > newest) ? d.contentVersion : newest), null);
}

/**
 * Alerts for every device, ordered by urgency then by how long they have been true. `asOf` is the
 * central API's clock, so "older than a day" means the same for every IT PC.
 */
export function fleetAlerts(devices: readonly FleetDevice[], asOf: Date): FleetAlert[] {
  const newestContent = newestContentVersion(devices);
  const alerts: FleetAlert[] = [];
  for (const d of devices) {
    const base = { deviceId: d.deviceId, locationId: d.locationId, region: d.region, role: d.role };
    const add = (kind: FleetAlertKind, since: string | null, detail: string | null) => alerts.push({ kind, ...base, since, detail });
    if (d.health === 'silent') {
      add('silent', d.lastSeenAt, null);
      continue;
    }
    if (d.printerState === 'paper-out') add('printer-paper-out', d.lastSeenAt, null);
    if (d.printerState === 'offline') add('printer-offline', d.lastSeenAt, null);
    if (d.updateState === 'failed') add('update-failed', d.lastSeenAt, d.updateDetail);
    if ((d.needsAttention ?? 0) > 0 && (d.oldestPendingAgeSeconds ?? 0) * 1000 > dayMs) {
      add('needs-attention-old', new Date(asOf.getTime() - (d.oldestPendingAgeSeconds ?? 0) * 1000).toISOString(), String(d.needsAttention));
    }
    if (d.diskFreeBytes !== null && d.diskFreeBytes < diskAlmostFullBytes) add('disk-almost-full', d.lastSeenAt, String(d.diskFreeBytes));
    if (newestContent && d.contentVersion && d.contentVersion !== newestContent) add('content-old', d.lastSeenAt, d.contentVersion);
  }
  return alerts.sort((a, b) => urgency(a.kind) - urgency(b.kind) || (a.since ?? '').localeCompare(b.since ?? '') || a.locationId.localeCompare(b.locationId));
}

/** Versions per channel, newest first: the data behind the console's version chart. */
export function versionsPerChannel(devices: readonly FleetDevice[]): { channel: string; versions: { version: string; devices: number }[] }[] {
  const byChannel = new Map<string, Map<string, number>>();
  for (const d of devices) {
    if (!d.channel || !d.appVersion) continue;
    const versions = byChannel.get(d.channel) ?? new Map<string, number>();
    versions.set(d.appVersion, (versions.get(d.appVersion) ?? 0) + 1);
    byChannel.set(d.channel, versions);
  }
  const order = (a: string, b: string) => (parseVersion(a) && parseVersion(b) ? compareVersions(b, a) : a.localeCompare(b));
  return ['stable', 'pilot', 'beta']
    .filter((c) => byChannel.has(c))
    .map((channel) => ({ channel, versions: [...(byChannel.get(channel) ?? [])].map(([version, n]) => ({ version, devices: n })).sort((a, b) => order(a.version, b.version)) }));
}

const csvColumns = [
  'deviceId', 'locationId', 'region', 'role', 'health', 'appVersion', 'contentVersion', 'channel', 'rolloutPosition', 'updateState', 'updateDetail',
  'printerState', 'paperLow', 'queueDepth', 'needsAttention', 'oldestPendingAgeSeconds', 'diskFreeBytes', 'lastSeenAt',
] as const satisfies readonly (keyof FleetDevice)[];

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula to a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV of the devices, one header line, CRLF line ends: opens as is in a spreadsheet. */
export function devicesCsv(devices: readonly FleetDevice[]): string {
  return [csvColumns.join(','), ...devices.map((d) => csvColumns.map((c) => csvCell(d[c])).join(','))].join('\r\n') + '\r\n';
}
export { csvColumns as fleetCsvColumns };
