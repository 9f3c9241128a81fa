import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/shell/main/web-preferences';

describe('the one webPreferences factory', () => {
  const prefs = secureWebPreferences('/app/dist/shell/preload.cjs');

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads only our preload and no devtools outside development', () => {
    expect(prefs.preload).toBe('/app/dist/shell/preload.cjs');
    expect(prefs.devTools).toBe(false);
  });
});

describe('dev tools', () => {
  it('open only when the shell asks for an unpackaged build, never through the environment', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
      expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('middle click', () => {
  it('cannot open links in a new window', () => {
    expect(secureWebPreferences('/p.cjs').disableBlinkFeatures).toBe('Auxclick');
  });
});
