import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceRole } from '../../../shared/config/device-config';
import { isAppUrl } from '../../../electron/shell/main/app-protocol';
import { createMainWindow, createNowServingWindow, type WindowOptions } from '../../../electron/shell/main/create-window';
import { appUrl, nowServingUrl } from '../../../electron/shell/main/crash-recovery';
import { secureWebPreferences } from '../../../electron/shell/main/web-preferences';
import { tempDir } from '../../support/paths';
import { fakeWindowKit, type FakeBrowserWindow, type FakeDisplay } from './electron-fakes';

const preloadPath = '/opt/loopbaan/resources/app.asar/dist/shell/preload.cjs';
const desk: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const wallTv: FakeDisplay = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, workArea: { x: 1920, y: 0, width: 3840, height: 2160 } };

function options(role: DeviceRole, overrides: Partial<WindowOptions> = {}): WindowOptions {
  return { role, preloadPath, packaged: true, dataDir: tempDir('window'), mayClose: () => false, ...overrides };
}

/** Every window the counter can open: the desk and, from its menu, the waiting-room screen. */
function counterWindows(packaged: boolean, displays = [desk, wallTv]): { desk: FakeBrowserWindow; nowServing: FakeBrowserWindow; all: FakeBrowserWindow[] } {
  const { kit, windows } = fakeWindowKit(displays);
  const deskWindow = createMainWindow(options('counter', { packaged }), kit);
  const nowServing = createNowServingWindow({ preloadPath }, deskWindow, kit);
  return { desk: deskWindow, nowServing, all: windows };
}

function allWindows(packaged: boolean): FakeBrowserWindow[] {
  const { kit, windows } = fakeWindowKit([desk]);
  createMainWindow(options('kiosk', { packaged }), kit);
  return [...windows, ...counterWindows(packaged).all];
}

describe('every window the shell builds', () => {
  it('takes the one secure webPreferences: isolated, sandboxed, our preload and no Node', () => {
    const windows = allWindows(true);
    expect(windows).toHaveLength(3);
    for (const window of windows) {
      // web-preferences.test.ts pins every field of the factory; here: no window adds or drops one.
      expect(window.options.webPreferences).toEqual(secureWebPreferences(preloadPath, { devTools: false }));
      expect(window.options.webPreferences).toMatchObject({ preload: preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    }
  });

  it('has no dev tools in an installed app, whatever the environment says', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      for (const window of allWindows(true)) expect(window.options.webPreferences?.devTools).toBe(false);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('has dev tools in a development build, except the waiting-room screen', () => {
    const { kit, windows } = fakeWindowKit([desk]);
    createMainWindow(options('kiosk', { packaged: false }), kit);
    const counter = counterWindows(false);
    expect(windows[0]?.options.webPreferences?.devTools).toBe(true);
    expect(counter.desk.options.webPreferences?.devTools).toBe(true);
    expect(counter.nowServing.options.webPreferences?.devTools).toBe(false);
  });

  it('loads only the app bundle over app://', () => {
    const windows = allWindows(true);
    expect(windows.map((w) => w.loaded)).toEqual([[appUrl], [appUrl], [nowServingUrl]]);
    for (const url of windows.flatMap((w) => w.loaded)) expect(isAppUrl(url), url).toBe(true);
  });

  it('cannot be navigated away, open windows or attach webviews', () => {
    for (const window of allWindows(true)) {
      expect(window.webContents.navigate('https://evil.example/')).toBe(false);
      expect(window.webContents.navigate('file:///etc/passwd')).toBe(false);
      expect(window.webContents.redirect('https://evil.example/')).toBe(false);
      expect(window.webContents.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
      expect(window.webContents.attachWebview()).toBe(false);
      expect(window.webContents.navigate(appUrl)).toBe(true);
    }
  });

  it('stays hidden until its page is ready, so no blank or half-drawn frame shows', () => {
    for (const window of allWindows(true)) {
      expect(window.options.show).toBe(false);
      expect(window.shown).toBe(false);
      window.emit('ready-to-show');
      expect(window.shown).toBe(true);
    }
  });
});

describe('the kiosk window', () => {
  it('is a frameless full-screen kiosk that a visitor cannot close, move or minimise', () => {
    const { kit, windows } = fakeWindowKit([desk]);
    createMainWindow(options('kiosk'), kit);
    expect(windows[0]?.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, maximizable: false, resizable: false, movable: false });
  });

  it('refuses to close until the app is really quitting', () => {
    let quitting = false;
    const { kit } = fakeWindowKit([desk]);
    const window = createMainWindow(options('kiosk', { mayClose: () => quitting }), kit);
    expect(window.close()).toBe(false);
    quitting = true;
    expect(window.close()).toBe(true);
  });
});

describe('the counter windows', () => {
  it('are ordinary windows that staff can close, and the desk remembers where it was', () => {
    const dataDir = tempDir('window');
    writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ x: 100, y: 50, width: 1200, height: 800, maximized: true }));
    const { kit } = fakeWindowKit([desk]);
    const window = createMainWindow(options('counter', { dataDir }), kit);
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 800 });
    expect(window.options.kiosk).toBeUndefined();
    expect(window.maximized).toBe(true);
    expect(window.close()).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
  });

  it('put the waiting-room screen full screen on the other display, without a menu', () => {
    const { nowServing } = counterWindows(true);
    expect(nowServing.options).toMatchObject({ ...wallTv.bounds, fullscreen: true, frame: false });
    expect(nowServing.menuRemoved).toBe(true);
  });

  it('open the waiting-room screen as a window when there is one display', () => {
    const { nowServing } = counterWindows(true, [desk]);
    expect(nowServing.options).toMatchObject({ width: 1280, height: 720 });
    expect(nowServing.options.fullscreen).toBeUndefined();
  });
});
