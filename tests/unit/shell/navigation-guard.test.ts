import { describe, expect, it } from 'vitest';
import { denyAllPermissions, guardAllWebContents, guardWebContents, setPermissions } from '../../../electron/shell/main/navigation-guard';
import { FakeEmitter, FakeSession, FakeWebContents, type PermissionName } from './electron-fakes';

const elsewhere = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file:///app/dist/renderer/index.html',
  'app://other/index.html',
  'app://bundle.evil.example/index.html',
  'app://bundle:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'not a url',
];

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents);
  return contents;
}

describe('the navigation guard', () => {
  it('lets the app move within its own bundle', () => {
    const contents = guarded();
    for (const url of ['app://bundle/index.html', 'app://bundle/index.html?screen=now-serving', 'app://bundle/out-of-order.html', 'app://bundle/index.html#/search']) {
      expect(contents.navigate(url), url).toBe(true);
      expect(contents.redirect(url), url).toBe(true);
    }
  });

  it('stops every navigation and redirect to another origin, a file or the web', () => {
    const contents = guarded();
    for (const url of elsewhere) {
      expect(contents.navigate(url), url).toBe(false);
      expect(contents.redirect(url), url).toBe(false);
    }
  });

  it('refuses to attach a webview', () => {
    expect(guarded().attachWebview()).toBe(false);
  });

  it('denies window.open, target=_blank and middle-click windows for every URL, the app own included', () => {
    const contents = guarded();
    for (const url of [...elsewhere, 'app://bundle/index.html', 'mailto:it@loopbaanwinkel.example']) {
      for (const disposition of ['new-window', 'foreground-tab', 'background-tab', 'default', 'other'] as const) {
        expect(contents.windowOpen(url, disposition), `${url} ${disposition}`).toEqual({ action: 'deny' });
      }
    }
  });

  it('is what an unguarded web contents lacks (the fake would otherwise let everything through)', () => {
    const bare = new FakeWebContents();
    expect(bare.navigate('https://evil.example/')).toBe(true);
    expect(bare.windowOpen('https://evil.example/')).toEqual({ action: 'allow' });
    expect(bare.attachWebview()).toBe(true);
  });

  it('is installed on every web contents the app creates, not only its windows', () => {
    const app = new FakeEmitter();
    guardAllWebContents(app);
    const later = new FakeWebContents();
    app.emit('web-contents-created', {}, later);
    expect(later.navigate('https://evil.example/')).toBe(false);
    expect(later.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(later.attachWebview()).toBe(false);
  });
});

const permissions: PermissionName[] = [
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'pointerLock',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'fileSystem',
  'idle-detection',
  'window-management',
  'unknown',
];

describe('the permission handlers', () => {
  it('refuse every permission request, also from the app itself', async () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    for (const permission of permissions) {
      expect(await session.request(permission), permission).toBe(false);
      expect(await session.request(permission, 'https://evil.example/'), permission).toBe(false);
    }
  });

  it('answer every permission check with no', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    for (const permission of permissions) expect(session.check(permission), permission).toBe(false);
  });

  it('grant no HID, serial or USB device', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    for (const type of ['hid', 'serial', 'usb'] as const) expect(session.device(type), type).toBe(false);
  });

  it('replace the grant-everything default of a session without handlers', async () => {
    const session = new FakeSession();
    expect(await session.request('media')).toBe(true);
    expect(session.check('media')).toBe(true);
  });
});

describe('the camera for the kiosk', () => {
  const video = { mediaTypes: ['video'] as ('video' | 'audio')[] };

  it('is granted to the kiosk bundle asking for video alone, to read an invitation letter', async () => {
    const session = new FakeSession();
    setPermissions(session, 'kiosk');
    expect(await session.request('media', 'app://bundle/index.html', video)).toBe(true);
    expect(session.check('media', 'app://bundle', 'video')).toBe(true);
  });

  it('never includes the microphone, another origin, a subframe or another permission', async () => {
    const session = new FakeSession();
    setPermissions(session, 'kiosk');
    expect(await session.request('media', 'app://bundle/index.html', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await session.request('media', 'app://bundle/index.html', { mediaTypes: ['audio'] })).toBe(false);
    expect(await session.request('media', 'app://bundle/index.html', { mediaTypes: [] })).toBe(false);
    expect(await session.request('media', 'app://bundle/index.html')).toBe(false);
    expect(await session.request('media', 'app://bundle/index.html', { ...video, isMainFrame: false })).toBe(false);
    for (const url of elsewhere.filter((url) => URL.canParse(url))) expect(await session.request('media', url, video), url).toBe(false);
    expect(session.check('media', 'app://bundle', 'audio')).toBe(false);
    expect(session.check('media', 'https://evil.example', 'video')).toBe(false);
    for (const permission of permissions.filter((name) => name !== 'media')) {
      expect(await session.request(permission), permission).toBe(false);
      expect(session.check(permission), permission).toBe(false);
    }
    for (const type of ['hid', 'serial', 'usb'] as const) expect(session.device(type), type).toBe(false);
  });

  it('is refused to the counter, which has no letters to read', async () => {
    const session = new FakeSession();
    setPermissions(session, 'counter');
    expect(await session.request('media', 'app://bundle/index.html', video)).toBe(false);
    expect(session.check('media', 'app://bundle', 'video')).toBe(false);
  });
});
