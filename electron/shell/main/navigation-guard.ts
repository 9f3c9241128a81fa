import type { Session, WebContents } from 'electron';
import type { DeviceRole } from '../../../shared/config/device-config';
import { appOrigin, isAppUrl } from './app-protocol';

interface Preventable {
  preventDefault(): void;
}

/** The parts of a WebContents the guard touches; tests/unit/shell/navigation-guard.test.ts drives a fake of it. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler: WebContents['setWindowOpenHandler'];
}

/** The app never leaves its own bundle: no navigation, no new windows, no webviews, no permissions. */
export function guardWebContents(contents: GuardableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableContents) => void): unknown;
}

/** Every web contents the app ever creates (windows, devtools, anything a page opens) gets the guard. */
export function guardAllWebContents(app: WebContentsSource): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Electron's request details are a union; only a media request names its media types. */
function asksForVideoOnly(details: object): boolean {
  const types: unknown = 'mediaTypes' in details ? details.mediaTypes : undefined;
  return Array.isArray(types) && types.length > 0 && types.every((type) => type === 'video');
}

/**
 * Everything is refused, except the kiosk's own bundle asking for the camera alone, to read an
 * invitation letter's QR: never the microphone, never a frame or a page from elsewhere, never
 * the counter.
 */
export function setPermissions(session: PermissionSession, role: DeviceRole): void {
  if (role !== 'kiosk') return denyAllPermissions(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'media' && details.isMainFrame && isAppUrl(details.requestingUrl) && asksForVideoOnly(details));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => permission === 'media' && requestingOrigin === appOrigin && details.mediaType === 'video');
  session.setDevicePermissionHandler(() => false);
}
