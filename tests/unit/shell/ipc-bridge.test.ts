import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import type { Dispatch } from '../../../electron/core/bridge/dispatch';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { isAppUrl } from '../../../electron/shell/main/app-protocol';
import { registerBridge } from '../../../electron/shell/main/ipc-bridge';
import { bridgeIpcChannel } from '../../../electron/shell/ipc-channel';
import { resourcesDir, tempDir } from '../../support/paths';
import { FakeIpcMain, type FakeSender } from './electron-fakes';

/** The real core behind the real bridge, with a count of the calls that reached the core. */
function registered(config = demoDeviceConfig): { call: (from: FakeSender, channel: unknown, payload: unknown) => Promise<unknown>; reachedCore: () => number; ipc: FakeIpcMain } {
  const core = createCore({ config, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('ipc'), shell: 'electron', logger: silentLogger });
  let reached = 0;
  const counted: Dispatch = (...args) => {
    reached += 1;
    return core.dispatch(...args);
  };
  const ipc = new FakeIpcMain();
  registerBridge(ipc, counted);
  return { call: (from, channel, payload) => ipc.invoke(from, bridgeIpcChannel, channel, payload), reachedCore: () => reached, ipc };
}

describe('the Electron IPC bridge', () => {
  const { call, reachedCore, ipc } = registered();
  const fromApp: FakeSender = { frameUrl: 'app://bundle/index.html' };

  it('registers one channel and nothing else', () => {
    expect([...ipc.channels.keys()]).toEqual([bridgeIpcChannel]);
  });

  it('answers calls from the app bundle through the same dispatcher as the browser host', async () => {
    const before = reachedCore();
    expect(await call(fromApp, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron', role: 'kiosk' } });
    expect(await call({ frameUrl: 'app://bundle/index.html?screen=now-serving', webContentsId: 2 }, 'app.info', {})).toMatchObject({ ok: true });
    expect(reachedCore() - before).toBe(2);
  });

  it('treats each window as a client of its own: a desk signed in in one window is not signed in in another', async () => {
    const desk = registered({ ...demoDeviceConfig, role: 'counter' });
    const first: FakeSender = { ...fromApp, webContentsId: 11 };
    const second: FakeSender = { ...fromApp, webContentsId: 12 };
    expect(await desk.call(first, 'staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' })).toMatchObject({ ok: true });
    expect(await desk.call(first, 'staff.members', {})).toMatchObject({ ok: true });
    expect(await desk.call(second, 'staff.members', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await desk.call(second, 'staff.session', {})).toMatchObject({ ok: true, result: { signedIn: null } });
  });

  it('refuses frames that are not the app bundle, and the core never sees the call', async () => {
    const before = reachedCore();
    const strangers = [
      'https://evil.example/',
      'http://127.0.0.1:5173/index.html',
      'file:///etc/passwd',
      'file:///app/dist/renderer/index.html',
      'app://other/index.html',
      'app://bundle.evil/index.html',
      'app://bundle:1234/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      '',
    ];
    for (const frameUrl of strangers) {
      expect(await call({ frameUrl }, 'app.info', {}), frameUrl).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A frame that was destroyed or navigated away while its message was in flight.
    expect(await call({ frameUrl: null }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(reachedCore() - before).toBe(0);
  });

  it('validates channel and input before the core runs', async () => {
    const before = reachedCore();
    expect(await call(fromApp, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(reachedCore() - before).toBe(0);
    expect(await call(fromApp, 'app.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(fromApp, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('recognises only app://bundle as the app origin', () => {
    expect(isAppUrl('app://bundle/assets/x.js')).toBe(true);
    expect(isAppUrl('app://bundle.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
