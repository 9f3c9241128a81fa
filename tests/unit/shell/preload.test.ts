import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { silentLogger } from '../../../electron/core/log/logger';
import { registerBridge } from '../../../electron/shell/main/ipc-bridge';
import { bridgeIpcChannel } from '../../../electron/shell/ipc-channel';
import { bridgeApi } from '../../../electron/shell/preload/bridge-api';
import { channelNames } from '../../../shared/contract/channels';
import { resourcesDir, tempDir } from '../../support/paths';
import { FakeIpcMain } from './electron-fakes';

const exposed: { key: string; api: unknown }[] = [];
const invoked: unknown[][] = [];
const fakeIpcRenderer = {
  invoke: (...args: unknown[]) => {
    invoked.push(args);
    return Promise.resolve({ ok: true, result: null });
  },
  send: () => {
    throw new Error('the preload must not send');
  },
};

// The real preload.ts, run against stand-ins for the two Electron objects it may touch.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
  ipcRenderer: fakeIpcRenderer,
}));

/** Everything reachable from a value, to prove no Electron object hides in what the page gets. */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) reachable((value as Record<string | symbol, unknown>)[key], seen);
  return seen;
}

describe('the preload', () => {
  it('exposes exactly one object, window.loopbaan, with one call() and nothing from Electron or Node in reach', async () => {
    vi.stubGlobal('__BRIDGE_CHANNELS__', channelNames);
    await import('../../../electron/shell/preload/preload');
    expect(exposed.map((e) => e.key)).toEqual(['loopbaan']);
    const api = exposed[0]?.api as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['call']);
    expect(typeof api.call).toBe('function');
    const inReach = reachable(api);
    expect(inReach.has(fakeIpcRenderer)).toBe(false);
    expect(inReach.has(fakeIpcRenderer.invoke)).toBe(false);
    expect(inReach.has(process)).toBe(false);
  });

  it('forwards a known channel over the one IPC channel, and refuses an unknown one without IPC', async () => {
    const api = bridgeApi(channelNames, fakeIpcRenderer);
    invoked.length = 0;
    expect(await api.call('app.info', {})).toEqual({ ok: true, result: null });
    expect(invoked).toEqual([[bridgeIpcChannel, 'app.info', {}]]);
    for (const channel of ['no.such.channel', 42, null, '__proto__', 'constructor']) {
      expect(await api.call(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(invoked).toHaveLength(1);
  });

  it('reaches the core through the real bridge, end to end', async () => {
    const core = createCore({ config: demoDeviceConfig, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('preload'), shell: 'electron', logger: silentLogger });
    const ipcMain = new FakeIpcMain();
    registerBridge(ipcMain, core.dispatch);
    const api = bridgeApi(channelNames, { invoke: (channel, ...args) => ipcMain.invoke({ frameUrl: 'app://bundle/index.html' }, channel, ...args) });
    expect(await api.call('app.info', {})).toMatchObject({ ok: true, result: { shell: 'electron' } });
    await core.close();
  });
});
