import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { DeviceRole } from '../../../shared/config/device-config';
import type { WindowState } from '../../../shared/shell/window-state';
import { appUrl, nowServingUrl } from './crash-recovery';
import { guardWebContents } from './navigation-guard';
import { placeNowServing } from './now-serving-display';
import { secureWebPreferences } from './web-preferences';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

export interface WindowOptions {
  role: DeviceRole;
  preloadPath: string;
  packaged: boolean;
  dataDir: string;
  /** True once the app is really quitting (IT, update install); a kiosk window refuses to close before. */
  mayClose: () => boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = options.role === 'kiosk' ? kioskWindow(options) : counterWindow(options);
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

function kioskWindow(options: WindowOptions): BrowserWindow {
  // Electronegativity reads only literal webPreferences and cannot follow secureWebPreferences(),
  // so it reports contextIsolation, sandbox and auxclick as unset here. They are set there, and
  // tests/unit/shell/web-preferences.test.ts and tests/integration/shell/static-security.test.ts
  // prove it for every window; hence the inline suppression on the next line.
  const window = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    kiosk: true,
    fullscreen: true,
    frame: false,
    closable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: !options.packaged }),
  });
  window.on('close', (event) => {
    if (!options.mayClose()) event.preventDefault();
  });
  return window;
}

function counterWindow(options: WindowOptions): BrowserWindow {
  const stateFile = join(options.dataDir, 'window-state.json');
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(loadWindowState(stateFile), workAreas, { width: 1440, height: 900 });
  const window = staffWindow({ x: state.x, y: state.y, width: state.width, height: state.height, minWidth: 1024, minHeight: 700 }, options.preloadPath, !options.packaged);
  if (state.maximized) window.maximize();
  const remember = (): void => {
    const saved: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    saveWindowState(stateFile, saved);
  };
  window.on('close', remember);
  return window;
}

/** The counter's waiting-room screen (renderer/src/now-serving): numbers only, so no menu and no dev tools. */
export function createNowServingWindow(options: Pick<WindowOptions, 'preloadPath'>, deskWindow: BrowserWindow): BrowserWindow {
  const deskDisplay = screen.getDisplayMatching(deskWindow.getBounds());
  const placement = placeNowServing(screen.getAllDisplays(), deskDisplay.id);
  const bounds = 'fullscreenOn' in placement ? { ...placement.fullscreenOn, fullscreen: true, frame: false } : placement.windowed;
  const window = staffWindow({ ...bounds, title: 'Nu aan de beurt', autoHideMenuBar: true }, options.preloadPath, false);
  window.setMenu(null);
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(nowServingUrl);
  return window;
}

/** The counter's windows (the desk, the waiting-room screen): ordinary windows, the same locked-down webPreferences. */
function staffWindow(init: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preloadPath: string, devTools: boolean): BrowserWindow {
  // Suppressed for the same reason as the kiosk window above.
  return new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    show: false,
    backgroundColor: '#ffffff',
    ...init,
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  });
}
