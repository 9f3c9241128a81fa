import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { keyLength } from './field-cipher';

/**
 * Where the field-encryption key comes from. The browser host keeps it in a 0600 file, in the data
 * directory or in a key directory of its own (`deviceKeyFile`); the Electron shell wraps it with safeStorage (the OS keychain) via createSealedKeyFileProvider.
 */
export interface KeyProvider {
  /** For logs and error messages: which kind of provider, never anything about the key. */
  readonly kind: string;
  /** Returns the 32-byte key, creating and persisting it on first use. */
  loadKey(): Buffer;
}

export class KeyProviderError extends Error {
  override name = 'KeyProviderError';
}

/** Writes a new file that appears complete or not at all, and never replaces an existing one. */
function writeNewFileAtomically(file: string, content: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

interface SealedKeyFileOptions {
  kind: string;
  file: string;
  seal(key: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/**
 * A key kept in a file, optionally wrapped (seal/unseal): the Electron shell passes
 * safeStorage.encryptString/decryptString here, the browser host the identity.
 */
export function createSealedKeyFileProvider(options: SealedKeyFileOptions): KeyProvider {
  const { file } = options;
  return {
    kind: options.kind,
    loadKey() {
      if (!existsSync(file)) {
        const key = randomBytes(keyLength);
        writeNewFileAtomically(file, options.seal(key));
      }
      // Tighten a key file someone loosened (copied with the wrong umask): the key itself is still ours.
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      let key: Buffer;
      try {
        key = options.unseal(readFileSync(file));
      } catch (err) {
        throw new KeyProviderError(`The key file ${file} cannot be unsealed (${options.kind}): ${(err as Error).message}`);
      }
      if (key.length !== keyLength) throw new KeyProviderError(`The key file ${file} is damaged: expected ${keyLength} bytes of key, found ${key.length}.`);
      return key;
    },
  };
}

/** The browser host's provider: the raw key in a 0600 file only this user can read. */
export function createFileKeyProvider(file: string): KeyProvider {
  return createSealedKeyFileProvider({ kind: 'key file', file, seal: (key) => key, unseal: (sealed) => sealed });
}

export const fieldKeyFileName = 'field-key';

/**
 * The key file for a device, in `keyDir` when IT gave one (another volume, a folder the app's
 * backups and support bundles do not copy), else in the data dir. A key left behind in the data
 * dir is never silently replaced by a new one in `keyDir`: the database would refuse the new key.
 */
export function deviceKeyFile(dataDir: string, keyDir?: string): string {
  if (keyDir === undefined) return join(dataDir, fieldKeyFileName);
  const file = join(keyDir, fieldKeyFileName);
  const left = join(dataDir, fieldKeyFileName);
  if (!existsSync(file) && existsSync(left)) throw new KeyProviderError(`The key is still in ${left}: move it to ${file} (keep its 0600 mode) before starting with this key directory.`);
  return file;
}
