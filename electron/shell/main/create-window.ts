import { BrowserWindow } from 'electron';
import type { DeviceRole } from '../../../shared/config/device-config';
import { appOrigin } from './app-protocol';
import { guardWebContents } from './navigation-guard';
import { secureWebPreferences } from './web-preferences';

export function createMainWindow(role: DeviceRole, preloadPath: string): BrowserWindow {
  const kiosk = role === 'kiosk';
  const window = new BrowserWindow({
    width: kiosk ? 1080 : 1440,
    height: kiosk ? 1920 : 900,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
