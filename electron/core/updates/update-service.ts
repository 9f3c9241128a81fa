import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { DeviceConfig } from '../../../shared/config/device-config';
import { UpdateChannel } from '../../../shared/updates/update-channel';
import type { Clock, Timer } from '../clock/clock';
import type { UpdatePhase, UpdateStatus } from '../../../shared/updates/update-status';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { ActivityMonitor } from './activity-monitor';
import { updaterSettings } from './channel-switch';
import { decideInstall } from './install-gate';
import { isWithinRollout, rolloutPosition } from './rollout-ring';
import type { UpdaterEvent, UpdaterPort } from './updater-port';

export interface UpdateServiceOptions {
  config: DeviceConfig;
  appVersion: string;
  dataDir: string;
  logger: Logger;
  activity: ActivityMonitor;
  /** Absent in the browser host: there the OS package manager updates the app. */
  updater: UpdaterPort | undefined;
  /** Timers; left out in tests, which drive check() and decide() themselves. */
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
  decideEveryMs?: number;
  /** Check times, the install decisions the service makes on its own, and their timers. */
  clock: Clock;
}

export interface UpdateService {
  status(): UpdateStatus;
  check(): Promise<void>;
  /** Installs a downloaded update if the policy allows it now; returns whether it did. */
  decide(now?: Date): boolean;
  installNow(): { installing: true; version: string };
  close(): void;
}

const RememberedSchema = z.object({ installedFrom: UpdateChannel });

/** Version strings and URLs in updater errors can carry query-string credentials: keep the gist only. */
export function failureReason(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  const reason = firstLine.replace(/(https?:\/\/[^\s?#]+)[?#]\S*/g, '$1').trim();
  return (reason || 'The update failed for an unknown reason.').slice(0, 300);
}

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { config, logger, activity, updater } = options;
  const currentTime = (): Date => options.clock.now();
  const log = logger.child({ area: 'updates' });
  const stateFile = join(options.dataDir, 'updates', 'channel.json');
  let lastCheckedAt: string | null = null;
  let staffRequested = false;
  let state: UpdatePhase = initialPhase();
  const timers: Timer[] = [];

  function initialPhase(): UpdatePhase {
    if (!updater) return { phase: 'disabled', reason: 'This build does not update itself: the browser host and development builds are updated by hand or by the OS packages.' };
    if (!config.updateUrl) return { phase: 'disabled', reason: 'No update server is configured for this device (updateUrl).' };
    return { phase: 'idle' };
  }

  function rememberedChannel(): UpdateChannel | null {
    try {
      return RememberedSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8'))).installedFrom;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('update channel memory unreadable, starting afresh');
      return null;
    }
  }

  function rememberChannel(channel: UpdateChannel): void {
    mkdirSync(dirname(stateFile), { recursive: true });
    const temp = `${stateFile}.tmp`;
    writeFileSync(temp, JSON.stringify({ installedFrom: channel }));
    renameSync(temp, stateFile);
  }

  function onEvent(event: UpdaterEvent): void {
    switch (event.type) {
      case 'checking':
        state = { phase: 'checking' };
        break;
      case 'available':
        state = { phase: 'downloading', version: event.version, percent: 0, bytesPerSecond: 0 };
        log.info('update available, downloading', { version: event.version });
        break;
      case 'not-available':
        lastCheckedAt = currentTime().toISOString();
        state = { phase: 'up-to-date' };
        // The running version is what this channel serves: a switch to it is complete.
        rememberChannel(config.updateChannel);
        break;
      case 'progress':
        if (state.phase === 'downloading') {
          state = { ...state, percent: Math.min(100, Math.max(0, event.percent)), bytesPerSecond: Math.max(0, event.bytesPerSecond) };
        }
        break;
      case 'downloaded':
        lastCheckedAt = currentTime().toISOString();
        state = { phase: 'ready', version: event.version, waitingFor: null };
        log.info('update downloaded', { version: event.version });
        decide();
        break;
      case 'error':
        state = { phase: 'failed', reason: failureReason(event.message) };
        log.warn('update failed', { reason: state.reason });
        break;
    }
  }

  function decide(now = currentTime()): boolean {
    if (state.phase !== 'ready' || !updater) return false;
    const decision = decideInstall({
      now,
      window: config.maintenanceWindow,
      timeZone: config.timeZone,
      quiet: activity.isQuiet(now),
      staffRequested,
    });
    if (!decision.install) {
      state = { ...state, waitingFor: decision.waitingFor };
      return false;
    }
    log.info('installing update', { version: state.version, because: decision.because });
    state = { phase: 'installing', version: state.version };
    rememberChannel(config.updateChannel);
    updater.install();
    return true;
  }

  async function check(): Promise<void> {
    if (!updater || !config.updateUrl) return;
    if (state.phase === 'downloading' || state.phase === 'ready' || state.phase === 'installing') return;
    try {
      await updater.check();
    } catch (err) {
      onEvent({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  if (updater && config.updateUrl) {
    const remembered = rememberedChannel();
    if (remembered === null) rememberChannel(config.updateChannel);
    updater.onEvent(onEvent);
    updater.configure({
      ...updaterSettings(config.updateChannel, remembered),
      url: config.updateUrl,
      isWithinRollout: (percentage) => isWithinRollout(config.location.id, percentage),
    });
    if (options.firstCheckAfterMs !== undefined) timers.push(options.clock.setTimeout(() => void check(), options.firstCheckAfterMs));
    if (options.checkEveryMs) timers.push(options.clock.setInterval(() => void check(), options.checkEveryMs));
    if (options.decideEveryMs) timers.push(options.clock.setInterval(() => decide(), options.decideEveryMs));
  }

  return {
    status: () => ({
      currentVersion: options.appVersion,
      channel: config.updateChannel,
      rolloutPosition: rolloutPosition(config.location.id),
      lastCheckedAt,
      state,
    }),
    check,
    decide,
    installNow: () => {
      if (state.phase !== 'ready') {
        throw new CoreError('conflict', state.phase === 'installing' ? 'The update is already being installed.' : 'No update has been downloaded yet.');
      }
      const version = state.version;
      staffRequested = true;
      decide();
      return { installing: true, version };
    },
    close: () => {
      for (const timer of timers) timer.cancel();
    },
  };
}
