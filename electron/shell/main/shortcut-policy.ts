import type { DeviceRole } from '../../../shared/config/device-config';

/** The parts of Electron's before-input-event Input the policy reads. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

const devTools = (i: KeyInput): boolean =>
  i.key === 'F12' || ((i.control || i.meta) && i.shift && ['I', 'J', 'C'].includes(i.key.toUpperCase())) || (i.meta && i.alt && i.key.toUpperCase() === 'I');

const reload = (i: KeyInput): boolean => i.key === 'F5' || i.key === 'BrowserRefresh' || ((i.control || i.meta) && i.key.toUpperCase() === 'R');

/** Keys a browser acts on by itself: history, home, search, the context-menu key. */
const browserKeys = new Set(['BrowserBack', 'BrowserForward', 'BrowserHome', 'BrowserSearch', 'BrowserRefresh', 'BrowserStop', 'BrowserFavorites', 'ContextMenu', 'Help']);

/**
 * Whether the app swallows a key before the page and the menu see it. On a kiosk a visitor with a
 * keyboard must not reach devtools, reload, close, print, zoom, the menu bar or history: every key
 * with Ctrl, Alt or the Windows/Command key goes, as do the function keys. Plain typing, Shift,
 * Tab, Enter and Escape stay, because forms and dialogs need them. Keys the OS takes first
 * (Ctrl+Alt+Del, Alt+Tab, the Windows key) never reach the app: docs/deployment.md locks those.
 * In development builds nothing is blocked, so developers keep devtools and reload.
 */
export function isBlockedShortcut(input: KeyInput, role: DeviceRole, packaged: boolean): boolean {
  if (!packaged) return false;
  // The counter and IT's fleet console are staff PCs whose screens use Alt+digit and F-keys: only the browser's own keys go.
  if (role !== 'kiosk') return devTools(input) || reload(input) || browserKeys.has(input.key);
  if (input.control || input.alt || input.meta) return true;
  if (/^F\d{1,2}$/.test(input.key)) return true;
  return browserKeys.has(input.key) || input.key === 'Alt' || input.key === 'Meta';
}
