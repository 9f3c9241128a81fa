import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session } from 'electron';
import { join } from 'node:path';
import { startDemoCentral } from '../../central-sim/demo-central';
import { startDemoFleet } from '../../central-sim/demo-fleet';
import { createCore, type Core } from '../../core/app-core';
import { ConfigError } from '../../core/config/config-error';
import { CoreError } from '../../core/errors';
import { deviceLogLimits, openDeviceLog, type DeviceLog } from '../../core/log/device-log';
import { exportLogs } from '../../core/log/export-logs';
import { parseStartArgs } from '../../core/startup/parse-args';
import { prepareStart } from '../../core/startup/prepare-start';
import { counterMenuTemplate } from './counter-menu';
import { createMainWindow, createNowServingWindow } from './create-window';
import { nowServingUrl, recoverFromCrashes } from './crash-recovery';
import { registerBridge } from './ipc-bridge';
import { lockDown } from './kiosk-lockdown';
import { guardAllWebContents, setPermissions } from './navigation-guard';
import { deviceKeyProvider } from './safe-storage-key';
import { registerAppScheme, serveBundle } from './serve-bundle';
import { createUpdaterAdapter } from './updater-adapter';

// Bundled to dist/shell/main.cjs; the renderer and preload sit beside it in dist/.
const distDir = join(__dirname, '..');

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const args = process.argv.slice(app.isPackaged ? 1 : 2);
  let prepared;
  try {
    prepared = prepareStart(parseStartArgs(args), join(app.getPath('userData'), 'data'));
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : String(err);
    process.stderr.write(`Cannot start: ${message}\n`);
    app.exit(2);
    return;
  }
  const { dataDir } = prepared;
  const packaged = app.isPackaged;
  const deviceLog = openDeviceLog(dataDir, (line) => process.stderr.write(`${line}\n`), { shell: 'electron', role: prepared.config.role });
  const { logger } = deviceLog;
  exitOnMainProcessFailure(deviceLog);

  let quitting = false;
  let mainWindow: BrowserWindow | null = null;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  registerAppScheme(protocol);
  guardAllWebContents(app);
  void app.whenReady().then(async () => {
    // Demo mode without a central API gets the simulator in-process, as in the browser host.
    const demo = prepared.config.demo && !prepared.config.centralApiUrl;
    const fleetRole = prepared.config.role === 'fleet';
    const resourcesDir = packaged ? join(process.resourcesPath, 'resources') : join(distDir, '..', 'resources');
    // It serves the sample pack, whose shops' opening hours a demo outpost books in.
    const demoCentral = demo && !fleetRole ? await startDemoCentral(dataDir, join(resourcesDir, 'content', 'sample', 'pack.json')) : null;
    // The fleet console's demo runs on the simulated fleet of 500 shops.
    const demoFleet = demo && fleetRole ? await startDemoFleet(dataDir, resourcesDir) : null;
    const config = demoCentral ? { ...prepared.config, centralApiUrl: demoCentral.url } : demoFleet ? { ...prepared.config, ...demoFleet.config } : prepared.config;
    // safeStorage, the key's home, only works once the app is ready: the core starts here.
    const core = createCore({
      config,
      dataDir,
      appVersion: app.getVersion(),
      resourcesDir,
      shell: 'electron',
      logger,
      keyProvider: deviceKeyProvider(dataDir, prepared.keyDir),
      // electron-updater only works in an installed app; a development build has nothing to update.
      updater: packaged ? createUpdaterAdapter(logger) : undefined,
      enrollmentCode: demoCentral?.enrollmentCode,
    });
    app.on('window-all-closed', () => {
      void core
        .close()
        .then(() => demoCentral?.sim.close())
        .then(() => demoFleet?.fleet.close())
        .finally(() => {
          deviceLog.close();
          app.quit();
        });
    });
    setPermissions(session.defaultSession, config.role);
    serveBundle(protocol, join(distDir, 'renderer'), (fileUrl) => net.fetch(fileUrl));
    registerBridge(ipcMain, core.dispatch);
    const windowKit = { BrowserWindow, screen };
    const window = createMainWindow(
      {
        role: config.role,
        preloadPath: join(distDir, 'shell', 'preload.cjs'),
        packaged,
        dataDir,
        mayClose: () => quitting,
      },
      windowKit,
    );
    mainWindow = window;
    lockDown(window, config.role, packaged);
    recoverFromCrashes(window, logger);
    let nowServing: BrowserWindow | null = null;
    const openNowServing = (): void => {
      if (nowServing && !nowServing.isDestroyed()) return nowServing.focus();
      nowServing = createNowServingWindow({ preloadPath: join(distDir, 'shell', 'preload.cjs') }, window, windowKit);
      recoverFromCrashes(nowServing, logger, { pageUrl: nowServingUrl });
    };
    if (config.role === 'counter') {
      Menu.setApplicationMenu(Menu.buildFromTemplate(counterMenuTemplate({ ...staffActions(window, core, deviceLog), openNowServing }, packaged)));
    }
    logger.info('started', { version: app.getVersion(), packaged, location: config.location.id });
  });
}

/**
 * A main process in an unknown state is worse than a restart: log what happened, then exit with a
 * failure code so the OS supervisor (systemd, Shell Launcher) starts the app again.
 */
function exitOnMainProcessFailure(deviceLog: DeviceLog): void {
  const fail = (kind: string) => (err: unknown) => {
    deviceLog.logger.error('main process failure', { kind, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    deviceLog.close();
    app.exit(1);
  };
  process.on('uncaughtException', fail('uncaughtException'));
  process.on('unhandledRejection', fail('unhandledRejection'));
}

function staffActions(window: BrowserWindow, core: Core, deviceLog: DeviceLog) {
  const tell = (message: string, detail?: string): void => {
    void dialog.showMessageBox(window, { type: 'info', message, detail });
  };
  return {
    installUpdateNow: () => {
      try {
        const { version } = core.updates.installNow();
        tell(`Versie ${version} wordt nu geïnstalleerd. De app start zo opnieuw.`);
      } catch (err) {
        if (!(err instanceof CoreError)) throw err;
        tell('Er is geen update om te installeren.', err.message);
      }
    },
    checkForUpdates: () => {
      void core.updates.check().then(() => {
        const { state } = core.updates.status();
        tell('Updates', state.phase === 'failed' || state.phase === 'disabled' ? state.reason : `Status: ${state.phase}`);
      });
    },
    exportLogsForIt: () => {
      void dialog.showOpenDialog(window, { title: 'Map voor het logboek', properties: ['openDirectory', 'createDirectory'] }).then((choice) => {
        const folder = choice.filePaths[0];
        if (choice.canceled || !folder) return;
        const result = exportLogs(deviceLog.dir, folder, new Date(), deviceLogLimits.maxFiles);
        tell('Logboek geëxporteerd', `${result.lines} regels in ${result.file}`);
      });
    },
    reload: () => window.webContents.reload(),
    quit: () => app.quit(),
  };
}

start();
