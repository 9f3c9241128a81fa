import { app, ipcMain, powerSaveBlocker, session } from 'electron';
import { join } from 'node:path';
import { createCore } from '../../core/app-core';
import { ConfigError } from '../../core/config/config-error';
import { createLogger } from '../../core/log/logger';
import { parseStartArgs } from '../../core/startup/parse-args';
import { prepareStart } from '../../core/startup/prepare-start';
import { createMainWindow } from './create-window';
import { registerBridge } from './ipc-bridge';
import { denyAllPermissions, guardWebContents } from './navigation-guard';
import { registerAppScheme, serveBundle } from './serve-bundle';

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
  const { config, dataDir } = prepared;
  const logger = createLogger((line) => process.stderr.write(`${line}\n`), 'info', { shell: 'electron' });
  const core = createCore({
    config,
    dataDir,
    appVersion: app.getVersion(),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(distDir, '..', 'resources'),
    shell: 'electron',
    logger,
  });

  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveBundle(join(distDir, 'renderer'));
    registerBridge(ipcMain, core.dispatch);
    createMainWindow(config.role, join(distDir, 'shell', 'preload.cjs'));
    if (config.role === 'kiosk') powerSaveBlocker.start('prevent-display-sleep');
  });
  app.on('window-all-closed', () => {
    void core.close().finally(() => app.quit());
  });
}

start();
