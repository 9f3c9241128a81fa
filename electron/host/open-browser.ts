import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { DeviceRole } from '../../shared/config/device-config';

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(envPath = process.env.PATH ?? ''): string | null {
  const dirs = ['/usr/bin', ...envPath.split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const name of candidates) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here; keep looking
      }
    }
  }
  return null;
}

export function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
}

/**
 * The kiosk gets Chromium's kiosk mode; the counter a plain app window without browser chrome.
 * Everything here is readable by any local process (/proc/<pid>/cmdline), so `url` must be a
 * one-time address that is spent once Chromium has opened it.
 */
export function chromiumArgs(url: string, role: DeviceRole, profileDir: string): string[] {
  const args = [
    role === 'kiosk' ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate',
    '--incognito',
  ];
  // Chromium refuses to start as root with its sandbox on; a kiosk account should never be root,
  // but a developer's container often is.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export function openInChromium(
  binary: string,
  url: string,
  role: DeviceRole,
  profileDir: string,
  onTrouble: (message: string) => void,
): ChildProcess {
  const child = spawn(binary, chromiumArgs(url, role, profileDir), { stdio: 'ignore', detached: false });
  const started = Date.now();
  child.on('error', (err) => onTrouble(`Chromium could not be started (${err.message}): open the address above in a browser.`));
  child.on('exit', (code) => {
    if (code !== 0 && Date.now() - started < 5000) {
      onTrouble(`Chromium closed at once (exit code ${code}): open the address above in a browser.`);
    }
  });
  return child;
}
