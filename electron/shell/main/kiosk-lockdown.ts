import { Menu, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { DeviceRole } from '../../../shared/config/device-config';
import { isBlockedShortcut } from './shortcut-policy';

/**
 * What the app itself can do to keep a visitor inside it. The OS side (no desktop, no task
 * switcher, Ctrl+Alt+Del) is in docs/deployment.md: Electron's kiosk mode alone is not a lockdown.
 */
export function lockDown(window: BrowserWindow, role: DeviceRole, packaged: boolean): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, role, packaged)) event.preventDefault();
  });
  if (role !== 'kiosk') return;

  Menu.setApplicationMenu(null);
  window.setMenuBarVisibility(false);
  window.setAlwaysOnTop(true, 'screen-saver');
  // Pinch-zoom would let a visitor lose the screen's edges with no way back.
  void contents.setVisualZoomLevelLimits(1, 1);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('context-menu', (event) => event.preventDefault());
  if (packaged) contents.on('devtools-opened', () => contents.closeDevTools());

  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  window.on('closed', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });
}
