import { z } from 'zod';

export const ContentKeyId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a key id such as "content-2026"');

/** A public key the device trusts to sign content packs: the raw 32-byte Ed25519 key in base64. */
export const TrustedContentKeySchema = z.strictObject({
  id: ContentKeyId,
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a raw Ed25519 public key in base64 (44 characters)'),
});
export type TrustedContentKey = z.infer<typeof TrustedContentKeySchema>;

/**
 * pack.sig, beside pack.json. The signature covers the exact bytes of pack.json; size and sha256
 * are not signed and only serve to tell an incomplete download apart from a changed one.
 */
export const PackSignatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyId: ContentKeyId,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'expected a 64-byte Ed25519 signature in base64'),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackSignature = z.infer<typeof PackSignatureSchema>;

/** The HTTP response header that carries pack.sig (base64 of its bytes) beside the pack's own bytes. */
export const packSignatureHeader = 'x-content-pack-signature';
