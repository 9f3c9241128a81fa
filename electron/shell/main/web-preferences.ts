import type { WebPreferences } from 'electron';

/**
 * Every BrowserWindow is built from this and nothing else, so one unit test guards the whole
 * Electron security baseline. Kept free of runtime Electron imports so it runs under plain Node.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
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
    // A middle click must not open a link in a new window, whatever the window-open handler does.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    // The shell passes devTools only for unpackaged builds; an environment variable on a kiosk
    // (NODE_ENV) must never be enough to open them.
    devTools: options.devTools === true,
    safeDialogs: true,
  };
}
