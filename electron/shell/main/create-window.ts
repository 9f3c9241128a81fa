import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { join } from 'node:path';
import type { DeviceRole } from '../../../shared/config/device-config';
import type { WindowState } from '../../../shared/shell/window-state';
import { appUrl, nowServingUrl } from './crash-recovery';
import { guardWebContents, type GuardableContents } from './navigation-guard';
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

/** What this file needs of a BrowserWindow; tests/unit/shell/create-window.test.ts hands it fakes. */
export interface ShellWindow {
  readonly webContents: GuardableContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  maximize(): void;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
  getBounds(): Rectangle;
  setMenu(menu: null): void;
}

/** Electron's window class and screen, passed in so the windows' security is tested under Node. */
export interface WindowKit<W extends ShellWindow = BrowserWindow> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  screen: {
    getAllDisplays(): { id: number; bounds: Rectangle; workArea: Rectangle }[];
    getDisplayMatching(rect: Rectangle): { id: number };
  };
}

export function createMainWindow<W extends ShellWindow>(options: WindowOptions, kit: WindowKit<W>): W {
  const window = options.role === 'kiosk' ? kioskWindow(options, kit) : counterWindow(options, kit);
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
  return window;
}

function kioskWindow<W extends ShellWindow>(options: WindowOptions, { BrowserWindow }: WindowKit<W>): W {
  // Electronegativity reads only literal webPreferences and cannot follow secureWebPreferences(),
  // so it reports contextIsolation, sandbox and auxclick as unset here. They are set there, and
  // tests/unit/shell/web-preferences.test.ts and tests/unit/shell/create-window.test.ts prove it
  // for every window; hence the inline suppression on the next line.
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

function counterWindow<W extends ShellWindow>(options: WindowOptions, kit: WindowKit<W>): W {
  const stateFile = join(options.dataDir, 'window-state.json');
  const workAreas = kit.screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(loadWindowState(stateFile), workAreas, { width: 1440, height: 900 });
  const window = staffWindow({ x: state.x, y: state.y, width: state.width, height: state.height, minWidth: 1024, minHeight: 700 }, options.preloadPath, !options.packaged, kit);
  if (state.maximized) window.maximize();
  const remember = (): void => {
    const saved: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    saveWindowState(stateFile, saved);
  };
  window.on('close', remember);
  return window;
}

/** The counter's waiting-room screen (renderer/src/now-serving): numbers only, so no menu and no dev tools. */
export function createNowServingWindow<W extends ShellWindow>(options: Pick<WindowOptions, 'preloadPath'>, deskWindow: ShellWindow, kit: WindowKit<W>): W {
  const deskDisplay = kit.screen.getDisplayMatching(deskWindow.getBounds());
  const placement = placeNowServing(kit.screen.getAllDisplays(), deskDisplay.id);
  const bounds = 'fullscreenOn' in placement ? { ...placement.fullscreenOn, fullscreen: true, frame: false } : placement.windowed;
  const window = staffWindow({ ...bounds, title: 'Nu aan de beurt', autoHideMenuBar: true }, options.preloadPath, false, kit);
  window.setMenu(null);
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(nowServingUrl);
  return window;
}

/** The counter's windows (the desk, the waiting-room screen): ordinary windows, the same locked-down webPreferences. */
function staffWindow<W extends ShellWindow>(init: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preloadPath: string, devTools: boolean, { BrowserWindow }: WindowKit<W>): W {
  // Suppressed for the same reason as the kiosk window above.
  return new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    show: false,
    backgroundColor: '#ffffff',
    ...init,
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  });
}
