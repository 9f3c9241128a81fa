import type { IpcRenderer } from 'electron';
import { bridgeIpcChannel } from '../ipc-channel';

/** What the page gets as window.loopbaan: one function, and no Electron or Node object. */
export interface BridgeApi {
  call(channel: unknown, payload: unknown): Promise<unknown>;
}

/**
 * Kept apart from preload.ts, which only hands it to contextBridge, so it is tested under Node
 * (tests/unit/shell/preload.test.ts). Main validates sender and input again.
 */
export function bridgeApi(channels: readonly string[], ipc: Pick<IpcRenderer, 'invoke'>): BridgeApi {
  const known = new Set<string>(channels);
  return {
    call: (channel, payload) => {
      if (typeof channel !== 'string' || !known.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel.' } });
      }
      return ipc.invoke(bridgeIpcChannel, channel, payload);
    },
  };
}
