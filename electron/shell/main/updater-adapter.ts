import { autoUpdater, type Logger as UpdaterLogger } from 'electron-updater';
import type { Logger } from '../../core/log/logger';
import type { UpdaterEvent, UpdaterPort } from '../../core/updates/updater-port';

/**
 * electron-updater behind the core's UpdaterPort. It downloads in the background on its own; it
 * never installs on quit, because a crash-and-relaunch in opening hours must not become an
 * install. Installing is the core policy's call (maintenance window, idle, or staff).
 */
export function createUpdaterAdapter(logger: Logger): UpdaterPort {
  const log = logger.child({ area: 'electron-updater' });
  const text = (message: unknown): string => (message instanceof Error ? message.message : String(message));
  const updaterLogger: UpdaterLogger = {
    info: (message) => log.info(text(message)),
    warn: (message) => log.warn(text(message)),
    error: (message) => log.error(text(message)),
    debug: (message) => log.debug(text(message)),
  };
  autoUpdater.logger = updaterLogger;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.autoRunAppAfterInstall = true;

  return {
    configure: (settings) => {
      autoUpdater.setFeedURL({ provider: 'generic', url: settings.url, channel: settings.channel });
      // The channel setter switches allowDowngrade on by itself; the policy decides, so set it after.
      autoUpdater.channel = settings.channel;
      autoUpdater.allowDowngrade = settings.allowDowngrade;
      autoUpdater.allowPrerelease = settings.allowPrerelease;
      autoUpdater.isUserWithinRollout = (info) => settings.isWithinRollout(info.stagingPercentage);
    },
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    install: () => autoUpdater.quitAndInstall(true, true),
    onEvent: (listener: (event: UpdaterEvent) => void) => {
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) => listener({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) => listener({ type: 'progress', percent: progress.percent, bytesPerSecond: progress.bytesPerSecond }));
      autoUpdater.on('update-downloaded', (info) => listener({ type: 'downloaded', version: info.version }));
      autoUpdater.on('error', (error) => listener({ type: 'error', message: text(error) }));
    },
  };
}
