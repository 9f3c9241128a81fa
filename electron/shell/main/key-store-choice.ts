export interface KeyStoreFacts {
  /** A key sealed by safeStorage already exists in the data dir. */
  sealedKeyExists: boolean;
  /** A plain 0600 key file already exists in the data dir. */
  plainKeyExists: boolean;
  encryptionAvailable: boolean;
  /** safeStorage's backend on Linux; 'basic_text' means a hard-coded password, no protection. */
  linuxBackend: string | null;
}

/**
 * Where the field-encryption key lives on this device. The OS keychain (safeStorage) when it
 * really protects the key; a plain 0600 file otherwise (a Linux kiosk under cage has no keyring,
 * and safeStorage would fall back to a fixed password that only looks like protection). A key
 * that already exists is never moved: the other store would hand out a different key and the
 * database would refuse it.
 */
export function chooseKeyStore(facts: KeyStoreFacts): 'safeStorage' | 'file' {
  if (facts.sealedKeyExists) return 'safeStorage';
  if (facts.plainKeyExists) return 'file';
  const protects = facts.encryptionAvailable && facts.linuxBackend !== 'basic_text' && facts.linuxBackend !== 'unknown';
  return protects ? 'safeStorage' : 'file';
}
