import { ContentPackSchema, type ContentPack } from '../../../shared/content/pack-schema';
import { PackSignatureSchema, type PackSignature, type TrustedContentKey } from '../../../shared/content/pack-signature';
import { formatIssues } from '../../../shared/validation/format-issues';
import { checkReferences } from './check-references';
import { PackRejected } from './pack-rejected';
import { sha256Hex, signatureMatches } from './sign-pack';

/** Far above any real pack (the 10,000-page benchmark pack is ~15 MB); stops a runaway download. */
export const maxPackBytes = 64 * 1024 * 1024;

export interface VerifiedPack {
  pack: ContentPack;
  bytes: Buffer;
  signature: PackSignature;
  sha256: string;
}

export function parseSignature(sigBytes: Uint8Array): PackSignature {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(sigBytes).toString('utf8'));
  } catch {
    throw new PackRejected('signature_unreadable', 'The signature file (pack.sig) is not valid JSON.');
  }
  const parsed = PackSignatureSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PackRejected('signature_unreadable', 'The signature file (pack.sig) does not have the expected fields.', formatIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Checks a pack completely before anything trusts it, cheapest and most fundamental first:
 * size, signature (over the exact bytes, by a key this device trusts), then JSON, schema and
 * the references between items. Throws PackRejected with the first reason that applies.
 */
export function verifyPack(packBytes: Uint8Array, sigBytes: Uint8Array, trustedKeys: readonly TrustedContentKey[]): VerifiedPack {
  const bytes = Buffer.from(packBytes.buffer, packBytes.byteOffset, packBytes.byteLength);
  if (bytes.byteLength > maxPackBytes) {
    throw new PackRejected('too_large', `The pack is ${bytes.byteLength} bytes; the limit is ${maxPackBytes}.`);
  }
  const signature = parseSignature(sigBytes);
  const key = trustedKeys.find((k) => k.id === signature.keyId);
  if (!key) {
    throw new PackRejected('untrusted_key', `The pack is signed with key "${signature.keyId}", which this device does not trust.`);
  }
  const sha256 = sha256Hex(bytes);
  if (!signatureMatches(bytes, signature, key)) {
    if (bytes.byteLength < signature.size) {
      throw new PackRejected('incomplete', `The pack is incomplete: ${bytes.byteLength} of ${signature.size} bytes arrived.`);
    }
    throw new PackRejected('bad_signature', `The pack's signature does not match its contents: it was changed after it was signed with key "${key.id}", or signed with another key.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new PackRejected('not_json', `The pack is signed but is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ContentPackSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new PackRejected('schema', `The pack does not match the content pack format (${issues.length} problem(s)), first: ${describe(issues[0])}`, issues);
  }
  const references = checkReferences(parsed.data);
  if (references.length > 0) {
    throw new PackRejected('reference', `The pack refers to items it does not contain or repeats ids (${references.length} problem(s)), first: ${describe(references[0])}`, references);
  }
  return { pack: parsed.data, bytes, signature, sha256 };
}

function describe(issue: { path: string; message: string } | undefined): string {
  return issue ? `${issue.path}: ${issue.message}` : 'unknown';
}
