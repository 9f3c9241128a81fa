import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A channel file exactly as electron-builder writes one (quoted releaseDate, files list first). */
export function channelYml(version: string, installer: string, bytes: Buffer, extra = ''): string {
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  return (
    `version: ${version}\nfiles:\n  - url: ${installer}\n    sha512: ${sha512}\n    size: ${bytes.length}\n    blockMapSize: 1234\n` +
    `path: ${installer}\nsha512: ${sha512}\nreleaseDate: '2026-11-20T10:00:00.000Z'\n${extra}`
  );
}

/** Writes a stand-in installer and its blockmap for `version`; returns the installer's name and bytes. */
export function writeInstaller(dir: string, version: string): { name: string; bytes: Buffer } {
  const name = `Loopbaanwinkel-Kiosk-Setup-${version}.exe`;
  const bytes = Buffer.from(`installer ${version} `.repeat(200));
  writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, `${name}.blockmap`), `blockmap ${version}`);
  return { name, bytes };
}

/**
 * An update folder as electron-builder output leaves it: stable on 0.1.0 (a full release), pilot on
 * 0.2.0 at 50 %, beta on 0.3.0-beta.1, with stand-in installers and blockmaps, and the fleet's
 * location list beside them for the release tool.
 */
export function writeDemoUpdateFolder(dir: string, locations: readonly { id: string; region: string }[]): void {
  mkdirSync(dir, { recursive: true });
  const stable = writeInstaller(dir, '0.1.0');
  const pilot = writeInstaller(dir, '0.2.0');
  const beta = writeInstaller(dir, '0.3.0-beta.1');
  writeFileSync(join(dir, 'latest.yml'), channelYml('0.1.0', stable.name, stable.bytes));
  writeFileSync(join(dir, 'pilot.yml'), channelYml('0.2.0', pilot.name, pilot.bytes, 'stagingPercentage: 50\n'));
  writeFileSync(join(dir, 'beta.yml'), channelYml('0.3.0-beta.1', beta.name, beta.bytes));
  writeFileSync(join(dir, 'locations.json'), JSON.stringify(locations));
}
