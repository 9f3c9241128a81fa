import { safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createFileKeyProvider, createSealedKeyFileProvider, deviceKeyFile, type KeyProvider } from '../../core/crypto/key-provider';
import { chooseKeyStore } from './key-store-choice';

/**
 * Must run after app 'ready': safeStorage is not usable before. The sealed key may sit in the data
 * dir: without the OS account's keychain it opens nothing. Only the plain fallback moves to `keyDir`.
 */
export function deviceKeyProvider(dataDir: string, keyDir?: string): KeyProvider {
  const sealedFile = join(dataDir, 'field-key.sealed');
  const plainFile = deviceKeyFile(dataDir, keyDir);
  const choice = chooseKeyStore({
    sealedKeyExists: existsSync(sealedFile),
    plainKeyExists: existsSync(plainFile),
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  if (choice === 'file') return createFileKeyProvider(plainFile);
  return createSealedKeyFileProvider({
    kind: 'safeStorage',
    file: sealedFile,
    seal: (key) => safeStorage.encryptString(key.toString('base64')),
    unseal: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  });
}
