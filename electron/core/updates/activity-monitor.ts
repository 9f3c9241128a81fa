/**
 * Whether a visitor or a ticket is in play, so an update never restarts a device under someone's
 * hands. The core touches it on every call a person causes (see app-core.ts; the contract marks the passive ones); a visitor
 * session ends at the latest idleSeconds after the last tap, so a quiet period longer than that
 * means no session is open.
 */
export interface ActivityMonitor {
  touch(now: Date): void;
  isQuiet(now: Date): boolean;
}

export function createActivityMonitor(quietMs: number): ActivityMonitor {
  let lastActivity = Number.NEGATIVE_INFINITY;
  return {
    touch: (now) => {
      lastActivity = Math.max(lastActivity, now.getTime());
    },
    isQuiet: (now) => now.getTime() - lastActivity >= quietMs,
  };
}
