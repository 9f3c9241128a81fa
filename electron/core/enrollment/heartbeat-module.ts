import type { Heartbeat } from '../../../shared/central-api/devices';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import type { TrackedAuth } from './enrollment-tracker';
import { createHeartbeatSender, type HeartbeatSender } from './heartbeat-sender';

export interface HeartbeatModule extends Capability {
  /** Null until the module has started. */
  sender(): HeartbeatSender | null;
}

/** The device's health to the central API: first after 5 s (which also enrolls a new device), then every 5 minutes. */
export function createHeartbeatModule(deps: {
  baseUrl: string;
  auth: TrackedAuth;
  logger: Logger;
  clock: Clock;
  build: () => Promise<Heartbeat>;
  /** The central API took the heartbeat: it answers, so the sync need not wait out its backoff. */
  onSent: (sent: Heartbeat) => void;
  timing?: { firstAfterMs: number; everyMs: number };
}): HeartbeatModule {
  let running: HeartbeatSender | null = null;
  return {
    name: 'heartbeat',
    sender: () => running,
    start: () => {
      running = createHeartbeatSender({ baseUrl: deps.baseUrl, auth: deps.auth, logger: deps.logger, clock: deps.clock, build: deps.build, onSent: deps.onSent, ...(deps.timing ?? { firstAfterMs: 5_000, everyMs: 5 * 60_000 }) });
    },
    close: () => running?.stop(),
  };
}
