import { contextBridge, ipcRenderer } from 'electron';
import { bridgeApi } from './bridge-api';

// Replaced at build time with the contract's channel names (scripts/build-node.ts).
declare const __BRIDGE_CHANNELS__: readonly string[];

/** The renderer's only door to the core: one function. No ipcRenderer, no Electron object and no Node API crosses into the page. */
contextBridge.exposeInMainWorld('loopbaan', bridgeApi(__BRIDGE_CHANNELS__, ipcRenderer));
