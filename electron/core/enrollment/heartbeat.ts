import { statfsSync } from 'node:fs';
import type { Heartbeat } from '../../../shared/central-api/devices';
import type { HubLink } from '../../../shared/hub/hub-link';
import type { UpdateStatus } from '../../../shared/updates/update-status';

/** Below this the device is "degraded": the database and logs need room to keep the queue. */
export const lowDiskBytes = 1024 * 1024 * 1024;

export interface HeartbeatFacts {
  appVersion: string;
  contentVersion: string | null;
  /** Null when the device database cannot be opened: the device cannot take requests. */
  queue: { queued: number; needsAttention: number; oldestPendingAgeSeconds: number | null } | null;
  update: UpdateStatus;
  printer: Heartbeat['printer'];
  diskFreeBytes: number | null;
  /** A kiosk with a hub: its link as last found; a link that does not deliver makes the device degraded. */
  hubLink?: HubLink | null;
  at: Date;
}

/** What the fleet view needs to tell a healthy device from one that needs IT; no personal data. */
export function buildHeartbeat(facts: HeartbeatFacts): Heartbeat {
  const degraded =
    (facts.queue?.needsAttention ?? 0) > 0 ||
    facts.update.state.phase === 'failed' ||
    !['ready', 'none'].includes(facts.printer.state) ||
    facts.printer.paperLow ||
    (facts.hubLink != null && !['ok', 'unknown'].includes(facts.hubLink.state)) ||
    (facts.diskFreeBytes !== null && facts.diskFreeBytes < lowDiskBytes);
  return {
    appVersion: facts.appVersion.slice(0, 40),
    contentVersion: facts.contentVersion,
    health: facts.queue === null ? 'failing' : degraded ? 'degraded' : 'ok',
    queueDepth: facts.queue?.queued ?? 0,
    needsAttention: facts.queue?.needsAttention ?? 0,
    oldestPendingAgeSeconds: facts.queue?.oldestPendingAgeSeconds ?? null,
    update: facts.update,
    printer: facts.printer,
    diskFreeBytes: facts.diskFreeBytes,
    ...(facts.hubLink ? { hubLink: facts.hubLink } : {}),
    at: facts.at.toISOString(),
  };
}

export function diskFreeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}
