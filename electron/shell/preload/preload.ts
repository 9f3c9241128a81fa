import { contextBridge, ipcRenderer } from 'electron';
import { bridgeIpcChannel } from '../ipc-channel';

// Replaced at build time with the contract's channel names (scripts/build-node.ts).
declare const __BRIDGE_CHANNELS__: readonly string[];

const known = new Set<string>(__BRIDGE_CHANNELS__);

/**
 * The renderer's only door to the core: one function. No ipcRenderer, no Electron object and no
 * Node API crosses into the page; main validates sender and input again.
 */
contextBridge.exposeInMainWorld('loopbaan', {
  call: (channel: unknown, payload: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !known.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Unknown channel.' } });
    }
    return ipcRenderer.invoke(bridgeIpcChannel, channel, payload);
  },
});
