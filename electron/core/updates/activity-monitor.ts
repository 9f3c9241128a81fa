/**
 * Whether a visitor or a ticket is in play, so an update never restarts a device under someone's
 * hands. Any capability that serves a visitor or moves a ticket calls touch(); a visitor session
 * that is open counts as busy however long it lasts.
 */
export interface ActivityMonitor {
  touch(now?: Date): void;
  sessionStarted(): void;
  sessionEnded(now?: Date): void;
  isQuiet(now: Date): boolean;
}

export function createActivityMonitor(quietMs: number): ActivityMonitor {
  let lastActivity = Number.NEGATIVE_INFINITY;
  let openSessions = 0;
  return {
    touch: (now = new Date()) => {
      lastActivity = Math.max(lastActivity, now.getTime());
    },
    sessionStarted: () => {
      openSessions += 1;
    },
    sessionEnded: (now = new Date()) => {
      openSessions = Math.max(0, openSessions - 1);
      lastActivity = Math.max(lastActivity, now.getTime());
    },
    isQuiet: (now) => openSessions === 0 && now.getTime() - lastActivity >= quietMs,
  };
}
