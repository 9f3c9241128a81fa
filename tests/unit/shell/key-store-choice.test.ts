import { describe, expect, it } from 'vitest';
import { chooseKeyStore } from '../../../electron/shell/main/key-store-choice';

const fresh = { sealedKeyExists: false, plainKeyExists: false, encryptionAvailable: true, linuxBackend: null };

describe('where the field key is kept', () => {
  it('uses the OS keychain on a fresh Windows device and on Linux with a real keyring', () => {
    expect(chooseKeyStore(fresh)).toBe('safeStorage');
    expect(chooseKeyStore({ ...fresh, linuxBackend: 'gnome_libsecret' })).toBe('safeStorage');
  });

  it('uses a 0600 file where safeStorage would not really protect the key', () => {
    expect(chooseKeyStore({ ...fresh, encryptionAvailable: false })).toBe('file');
    expect(chooseKeyStore({ ...fresh, linuxBackend: 'basic_text' })).toBe('file');
    expect(chooseKeyStore({ ...fresh, linuxBackend: 'unknown' })).toBe('file');
  });

  it('never moves a key that exists, so the database keeps opening', () => {
    expect(chooseKeyStore({ ...fresh, plainKeyExists: true })).toBe('file');
    expect(chooseKeyStore({ ...fresh, sealedKeyExists: true, encryptionAvailable: false })).toBe('safeStorage');
  });
});
