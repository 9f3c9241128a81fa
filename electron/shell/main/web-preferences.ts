import type { WebPreferences } from 'electron';

/**
 * Every BrowserWindow is built from this and nothing else, so one unit test guards the whole
 * Electron security baseline. Kept free of runtime Electron imports so it runs under plain Node.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: process.env.NODE_ENV === 'development',
    safeDialogs: true,
  };
}
