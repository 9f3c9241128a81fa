import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { isAppUrl } from '../../../electron/shell/main/app-protocol';
import { registerBridge } from '../../../electron/shell/main/ipc-bridge';
import { bridgeIpcChannel } from '../../../electron/shell/ipc-channel';
import { resourcesDir, tempDir } from '../../support/paths';

type Invoke = (event: { senderFrame: { url: string } | null; sender: { id: number } }, channel: unknown, payload: unknown) => Promise<unknown>;

/** ipcMain's handle() is the one seam; a recording stand-in lets the real handler run under Node. */
function registered(config = demoDeviceConfig): Invoke {
  const handlers = new Map<string, Invoke>();
  const core = createCore({ config, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('ipc'), shell: 'electron', logger: silentLogger });
  registerBridge({ handle: (channel: string, fn: unknown) => void handlers.set(channel, fn as Invoke) } as never, core.dispatch);
  const handler = handlers.get(bridgeIpcChannel);
  if (!handler) throw new Error('bridge not registered');
  return handler;
}

describe('the Electron IPC bridge', () => {
  const invoke = registered();
  const fromApp = { senderFrame: { url: 'app://bundle/index.html' }, sender: { id: 1 } };

  it('answers calls from the app bundle through the same dispatcher as the browser host', async () => {
    expect(await invoke(fromApp, 'app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron', role: 'kiosk' } });
  });

  it('refuses frames that are not the app bundle', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'about:blank']) {
      expect(await invoke({ senderFrame: { url }, sender: { id: 2 } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await invoke({ senderFrame: null, sender: { id: 2 } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('validates channel and input before the core runs', async () => {
    expect(await invoke(fromApp, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke(fromApp, 'app.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats each window as a client of its own: a desk signed in in one window is not signed in in another', async () => {
    const desk = registered({ ...demoDeviceConfig, role: 'counter' });
    const first = { ...fromApp, sender: { id: 11 } };
    const second = { ...fromApp, sender: { id: 12 } };
    expect(await desk(first, 'staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' })).toMatchObject({ ok: true });
    expect(await desk(first, 'staff.members', {})).toMatchObject({ ok: true });
    expect(await desk(second, 'staff.members', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await desk(second, 'staff.session', {})).toMatchObject({ ok: true, result: { signedIn: null } });
  });

  it('recognises only app://bundle as the app origin', () => {
    expect(isAppUrl('app://bundle/assets/x.js')).toBe(true);
    expect(isAppUrl('app://bundle.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
