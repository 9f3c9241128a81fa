import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import type { KeyProvider } from '../crypto/key-provider';
import { readMeta, writeMeta } from './meta';
import { openStore, type Store } from './open-store';
import { StoreError, storeErrorFor } from './store-error';

export const deviceDatabaseName = 'device.sqlite';

export interface DeviceStore extends Store {
  cipher: FieldCipher;
}

/**
 * The device database plus the cipher for its personal fields. The key's fingerprint is recorded
 * on first use: a different key later (key file lost or swapped) stops here with a clear message
 * instead of failing row by row, or worse, writing rows no one can read next to old ones.
 */
export function openDeviceStore(dataDir: string, keyProvider: KeyProvider, options: { busyTimeoutMs?: number } = {}): DeviceStore {
  const file = join(dataDir, deviceDatabaseName);
  const store = openStore(file, options);
  try {
    const cipher = createFieldCipher(keyProvider.loadKey());
    checkKey(store.db, file, cipher);
    return { ...store, cipher };
  } catch (err) {
    store.close();
    if (err instanceof StoreError) throw err;
    throw storeErrorFor('wrong-key', file, (err as Error).message);
  }
}

function checkKey(db: Database, file: string, cipher: FieldCipher): void {
  const known = readMeta(db, 'field_key_fingerprint');
  if (known === null) writeMeta(db, 'field_key_fingerprint', cipher.fingerprint);
  else if (known !== cipher.fingerprint) throw storeErrorFor('wrong-key', file);
}
