import { createHash, randomBytes } from 'node:crypto';

/**
 * How the browser host knows its clients without a secret on any command line or in any URL
 * that lasts. The host hands out one-time addresses (/open/<nonce>); the first GET of one is
 * answered with a fresh session cookie (HttpOnly, SameSite=Strict) and a redirect, after which
 * the nonce is gone. Each cookie is one client: a desk sign-in belongs to that cookie only.
 */
export interface ClientSessions {
  /** A new one-time path; with `ttlMs` it also stops working after that long, used or not. */
  openPath(options?: { ttlMs?: number }): string;
  /** Trades a nonce for a new session id, once; null when it is unknown, used or expired. */
  exchange(nonce: string): string | null;
  /** The client behind a session id, for CallContext; null when the id is not one of ours. */
  clientFor(sessionId: string): string | null;
}

const token = () => randomBytes(32).toString('base64url');
/** Map keys, so a lookup never compares secrets character by character. */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

export function createClientSessions(now: () => number): ClientSessions {
  const nonces = new Map<string, number>();
  const sessions = new Map<string, string>();
  let clients = 0;
  return {
    openPath(options = {}) {
      const nonce = token();
      nonces.set(digest(nonce), options.ttlMs === undefined ? Number.POSITIVE_INFINITY : now() + options.ttlMs);
      return `/open/${nonce}`;
    },
    exchange(nonce) {
      const key = digest(nonce);
      const expires = nonces.get(key);
      if (expires === undefined) return null;
      nonces.delete(key);
      if (expires <= now()) return null;
      const session = token();
      clients += 1;
      sessions.set(digest(session), `browser:${clients}`);
      return session;
    },
    clientFor: (sessionId) => sessions.get(digest(sessionId)) ?? null,
  };
}
