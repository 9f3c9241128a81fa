import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key header is a Structured Field string (draft-ietf-httpapi-idempotency-key-header):
 * `Idempotency-Key: "0192f1c2-..."`. A bare token is accepted too, since some clients send one.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const value = header.trim();
  const quoted = /^"([\x20-\x21\x23-\x5b\x5d-\x7e]{1,255})"$/.exec(value);
  if (quoted?.[1]) return quoted[1];
  return /^[A-Za-z0-9._~:-]{1,255}$/.test(value) ? value : null;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The request's fingerprint: the same JSON with keys in another order or other spacing is the same request. */
export function fingerprint(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(JSON.stringify(canonical(body))).digest('base64url');
}
