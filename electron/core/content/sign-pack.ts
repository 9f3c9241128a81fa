import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { PackSignature, TrustedContentKey } from '../../../shared/content/pack-signature';

export function publicKeyObject(key: TrustedContentKey): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
}

/** The raw public key in the form a device config lists it. */
export function rawPublicKey(privateKeyPem: string): string {
  const jwk = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Signs the exact bytes of pack.json; used by content:build and by tests that make their own packs. */
export function signPack(packBytes: Uint8Array, keyId: string, privateKeyPem: string): PackSignature {
  return {
    algorithm: 'ed25519',
    keyId,
    signature: sign(null, packBytes, createPrivateKey(privateKeyPem)).toString('base64'),
    size: packBytes.byteLength,
    sha256: sha256Hex(packBytes),
  };
}

export function signatureMatches(packBytes: Uint8Array, signature: PackSignature, key: TrustedContentKey): boolean {
  return verify(null, packBytes, publicKeyObject(key), Buffer.from(signature.signature, 'base64'));
}
