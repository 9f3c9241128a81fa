/** The one Electron IPC channel the bridge uses; shared by main and preload. */
export const bridgeIpcChannel = 'loopbaan:call';
