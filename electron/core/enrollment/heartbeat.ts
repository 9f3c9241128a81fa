import { statfsSync } from 'node:fs';
import { heartbeatKiosksMax, type Heartbeat, type HeartbeatKiosk } from '../../../shared/central-api/devices';
import type { HubKiosk } from '../../../shared/contract/desk-channels';
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
  /** A counter in hub mode: the kiosks its hub knows (the first ones, bounded); none on other devices. */
  kiosks?: readonly HubKiosk[];
  /** A counter in hub mode: handshakes its hub refused since the last heartbeat the central API took. */
  hubRefusedConnections?: number;
  at: Date;
}

function kioskSummary(kiosk: HubKiosk): HeartbeatKiosk {
  return {
    identity: kiosk.identity,
    lastSeenAt: kiosk.lastSeenAt,
    silent: kiosk.silent,
    enrolled: kiosk.enrolled,
    waitingForApproval: kiosk.candidate !== null,
    printer: kiosk.printer && { state: kiosk.printer.state, paperLow: kiosk.printer.paperLow },
    queue: kiosk.queue && { pending: kiosk.queue.pending, needsAttention: kiosk.queue.needsAttention, oldestPendingAgeSeconds: kiosk.queue.oldestPendingAgeSeconds },
  };
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
    kiosks: (facts.kiosks ?? []).slice(0, heartbeatKiosksMax).map(kioskSummary),
    ...(facts.hubRefusedConnections === undefined ? {} : { hubRefusedConnections: facts.hubRefusedConnections }),
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
