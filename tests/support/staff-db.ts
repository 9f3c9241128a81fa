import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open-store';
import { tempDir } from './paths';

/** A real device database file with every migration applied, as the app opens it. */
export function openStaffDb() {
  return openStore(join(tempDir('staff'), 'device.sqlite')).db;
}
