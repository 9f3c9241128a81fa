import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoUpdateFolder } from '../../electron/central-sim/demo-update-folder';
import { tempDir } from './paths';

export { channelYml, writeInstaller } from '../../electron/central-sim/demo-update-folder';

/** The demo update folder (stable 0.1.0, pilot 0.2.0 at 50 %, beta 0.3.0-beta.1) with a location list of `shops`. */
export function updateFolder(shops = 60): { dir: string; locations: { id: string; region: string }[] } {
  const dir = tempDir('update-folder');
  const locations = Array.from({ length: shops }, (_, i) => ({ id: `winkel-${String(i + 1).padStart(3, '0')}`, region: 'midden-utrecht' }));
  writeDemoUpdateFolder(dir, locations);
  return { dir, locations };
}

/** Every file in the folder with its bytes: two snapshots are equal only if nothing was written, renamed or left behind. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}
