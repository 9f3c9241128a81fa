import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../../electron/shell/main/window-state';
import { tempDir } from '../../support/paths';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const defaults = { width: 1440, height: 900 };

describe('the counter window\'s place', () => {
  it('comes back where staff left it', () => {
    const dir = tempDir('window');
    const file = join(dir, 'window-state.json');
    saveWindowState(file, { x: 2000, y: 50, width: 1600, height: 1000, maximized: false });
    const saved = loadWindowState(file);
    expect(fitToDisplays(saved, [laptop, rightMonitor], defaults)).toEqual({ x: 2000, y: 50, width: 1600, height: 1000, maximized: false });
  });

  it('moves back onto a screen when the monitor it was on is gone', () => {
    const saved = { x: 2000, y: 50, width: 1600, height: 1000, maximized: true };
    expect(fitToDisplays(saved, [laptop], defaults)).toEqual({ x: 240, y: 70, width: 1440, height: 900, maximized: false });
  });

  it('is pulled fully onto the screen and shrunk to fit when it hangs over an edge', () => {
    const saved = { x: 1700, y: -200, width: 2400, height: 1200, maximized: false };
    expect(fitToDisplays(saved, [laptop], defaults)).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('opens at the default place when the file is missing or damaged', () => {
    const dir = tempDir('window-bad');
    expect(loadWindowState(join(dir, 'missing.json'))).toBeNull();
    const file = join(dir, 'window-state.json');
    writeFileSync(file, '{"x": 10, "y": "up"}');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, 'not json');
    expect(loadWindowState(file)).toBeNull();
    expect(fitToDisplays(null, [laptop], defaults)).toMatchObject({ width: 1440, height: 900, maximized: false });
  });
});
