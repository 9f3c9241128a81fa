import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, FieldCipherError } from '../../../electron/core/crypto/field-cipher';
import { createFileKeyProvider, createSealedKeyFileProvider, KeyProviderError } from '../../../electron/core/crypto/key-provider';
import { tempDir } from '../../support/paths';

describe('field cipher (AES-256-GCM)', () => {
  const cipher = createFieldCipher(Buffer.alloc(32, 1));

  it('opens what it sealed, and the sealed text does not contain the plaintext', () => {
    const sealed = cipher.seal('Fatima el Amrani', 'row:1');
    expect(sealed).not.toContain('Fatima');
    expect(cipher.open(sealed, 'row:1')).toBe('Fatima el Amrani');
    expect(cipher.seal('Fatima el Amrani', 'row:1')).not.toBe(sealed);
  });

  it('refuses a value moved to another row, a tampered value and another key', () => {
    const sealed = cipher.seal('06 12345678', 'row:1');
    expect(() => cipher.open(sealed, 'row:2')).toThrow(FieldCipherError);
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => cipher.open(tampered, 'row:1')).toThrow(FieldCipherError);
    expect(() => createFieldCipher(Buffer.alloc(32, 2)).open(sealed, 'row:1')).toThrow(FieldCipherError);
    expect(createFieldCipher(Buffer.alloc(32, 2)).fingerprint).not.toBe(cipher.fingerprint);
  });

  it('rejects a key of the wrong length', () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow(/32-byte key/);
  });
});

describe('key file provider', () => {
  it('creates a 0600 key file once and returns the same key afterwards', () => {
    const file = join(tempDir('key'), 'field-key');
    const first = createFileKeyProvider(file).loadKey();
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createFileKeyProvider(file).loadKey().equals(first)).toBe(true);
  });

  it('tightens a key file someone made readable to others', () => {
    const file = join(tempDir('key'), 'field-key');
    createFileKeyProvider(file).loadKey();
    chmodSync(file, 0o644);
    createFileKeyProvider(file).loadKey();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports a damaged key file instead of making a new key', () => {
    const file = join(tempDir('key'), 'field-key');
    writeFileSync(file, Buffer.alloc(7), { mode: 0o600 });
    expect(() => createFileKeyProvider(file).loadKey()).toThrow(KeyProviderError);
    expect(readFileSync(file)).toHaveLength(7);
  });

  it('stores only the sealed form when given a seal function (the safeStorage path)', () => {
    const file = join(tempDir('key'), 'sealed-key');
    const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0xff));
    const key = createSealedKeyFileProvider({ kind: 'test seal', file, seal: flip, unseal: flip }).loadKey();
    expect(readFileSync(file).equals(key)).toBe(false);
    expect(flip(readFileSync(file)).equals(key)).toBe(true);
  });
});
