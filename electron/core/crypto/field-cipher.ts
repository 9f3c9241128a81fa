import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export const keyLength = 32;
const ivLength = 12;
const tagLength = 16;
const prefix = 'v1.';

export interface FieldCipher {
  /** Encrypts one field; `context` (e.g. "voucher_requests.contact:<id>") is bound as AAD, so a sealed value moved to another row fails to open. */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** Identifies the key without revealing it, so the store can tell a replaced key from a damaged value. */
  readonly fingerprint: string;
}

export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
}

/** AES-256-GCM per field: a fresh 96-bit IV per value, the tag checked on every open. */
export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== keyLength) throw new FieldCipherError(`expected a ${keyLength}-byte key, got ${key.length} bytes`);
  const secret = Buffer.from(key);
  return {
    fingerprint: createHmac('sha256', secret).update('loopbaanwinkel field key fingerprint').digest('base64url').slice(0, 22),
    seal(plaintext, context) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed, context) {
      if (!sealed.startsWith(prefix)) throw new FieldCipherError('not a sealed value');
      const raw = Buffer.from(sealed.slice(prefix.length), 'base64url');
      if (raw.length < ivLength + tagLength) throw new FieldCipherError('sealed value is truncated');
      const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, ivLength));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(ivLength, ivLength + tagLength));
      try {
        return Buffer.concat([decipher.update(raw.subarray(ivLength + tagLength)), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCipherError('sealed value does not open with this key and context');
      }
    },
  };
}
