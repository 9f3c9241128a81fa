import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import type { ContentPack } from '../../shared/content/pack-schema';
import type { TrustedContentKey } from '../../shared/content/pack-signature';
import { rawPublicKey, signPack } from '../../electron/core/content/sign-pack';
import { assemblePack } from '../../scripts/content/assemble-pack';
import { repoRoot } from './paths';

export const fixtureSourceDir = join(repoRoot, 'tests', 'fixtures', 'content-source');

export interface TestKey {
  trusted: TrustedContentKey;
  privateKeyPem: string;
}

/** A fresh key pair per test run: tests never depend on the dev key unless they test it. */
export function makeKey(id = 'test-key'): TestKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { trusted: { id, publicKey: rawPublicKey(privateKeyPem) }, privateKeyPem };
}

/** The small fixture pack (three regions, six pages), optionally changed by `edit`. */
export function fixturePack(edit: (pack: ContentPack) => void = () => undefined): ContentPack {
  const pack = assemblePack(fixtureSourceDir);
  edit(pack);
  return pack;
}

export interface SignedPack {
  packBytes: Buffer;
  sigBytes: Buffer;
}

/** Signs whatever it is given, valid pack or not: verification, not signing, must catch bad content. */
export function signed(content: ContentPack | object | string, key: TestKey, keyId = key.trusted.id): SignedPack {
  const packBytes = Buffer.from(typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return { packBytes, sigBytes: Buffer.from(JSON.stringify(signPack(packBytes, keyId, key.privateKeyPem))) };
}
