import type { Heartbeat } from '../../../shared/central-api/devices';
import type { Clock } from '../clock/clock';
import type { Logger } from '../log/logger';
import { schedulePeriodic } from '../sync/periodic';
import type { TrackedAuth } from './enrollment-tracker';

export type HeartbeatOutcome = 'sent' | 'not-enrolled' | 'failed';

export interface HeartbeatSenderOptions {
  baseUrl: string;
  auth: TrackedAuth;
  build: () => Promise<Heartbeat>;
  logger: Logger;
  clock: Clock;
  everyMs: number;
  firstAfterMs: number;
  timeoutMs?: number;
  /** The central API took a heartbeat: proof it is reachable, which the sync worker acts on. */
  onSent?: (sent: Heartbeat) => void;
}

export interface HeartbeatSender {
  sendNow(): Promise<HeartbeatOutcome>;
  lastSentAt(): Date | null;
  stop(): void;
}

/** POST /v1/devices/heartbeat every few minutes; a refused token is renewed once, as the sync worker does. */
export function createHeartbeatSender(options: HeartbeatSenderOptions): HeartbeatSender {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/v1/devices/heartbeat`;
  const log = options.logger.child({ area: 'heartbeat' });
  let lastSentAt: Date | null = null;

  const post = async (body: Heartbeat, token: string): Promise<number> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    await res.arrayBuffer();
    return res.status;
  };

  async function send(): Promise<HeartbeatOutcome> {
    const { auth } = options;
    if (auth.token() === null && !(await auth.renew())) return 'not-enrolled';
    const body = await options.build();
    try {
      let status = await post(body, auth.token() ?? '');
      if (status === 401) {
        if (!(await auth.renew())) {
          log.warn('the central API refused the device token and no new enrollment code works: ask IT for a one-time code');
          return 'not-enrolled';
        }
        status = await post(body, auth.token() ?? '');
      }
      if (status >= 200 && status < 300) {
        lastSentAt = options.clock.now();
        options.onSent?.(body);
        return 'sent';
      }
      log.warn('heartbeat not accepted', { status });
      return 'failed';
    } catch (err) {
      log.warn('heartbeat not delivered', { error: err instanceof Error ? err.name : 'unknown' });
      return 'failed';
    }
  }

  const schedule = schedulePeriodic(send, options, options.clock);
  return {
    sendNow: schedule.now,
    lastSentAt: () => lastSentAt,
    stop: schedule.stop,
  };
}
