import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { WindowStateSchema, type WindowState } from '../../../shared/shell/window-state';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Enough of the window on a screen that staff can grab its title bar. */
const minVisible = 100;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved place if it is still on a screen (monitors get unplugged and swapped), shrunk to fit
 * that screen; otherwise the default size centred on the first screen.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: readonly Rect[], defaults: { width: number; height: number }): WindowState {
  if (saved) {
    const area = workAreas.find((candidate) => {
      const o = overlap(saved, candidate);
      return o.width >= minVisible && o.height >= minVisible;
    });
    if (area) {
      const width = Math.min(saved.width, area.width);
      const height = Math.min(saved.height, area.height);
      return {
        x: Math.min(Math.max(saved.x, area.x), area.x + area.width - width),
        y: Math.min(Math.max(saved.y, area.y), area.y + area.height - height),
        width,
        height,
        maximized: saved.maximized,
      };
    }
  }
  const area = workAreas[0] ?? { x: 0, y: 0, width: defaults.width, height: defaults.height };
  const width = Math.min(defaults.width, area.width);
  const height = Math.min(defaults.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

/** A missing or damaged file is not an error: the window opens at its default place. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(WindowStateSchema.parse(state)));
  renameSync(temp, file);
}
