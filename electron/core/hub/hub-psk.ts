import { hkdfSync } from 'node:crypto';

/**
 * TLS 1.2 with a pre-shared key and an ephemeral ECDH exchange: both ends prove they hold the
 * location key, every session has its own keys (forward secrecy), and no certificate has to be
 * made, pinned or renewed. TLS 1.3 PSK is not available in Node's TLS API, hence 1.2.
 */
export const hubCiphers = 'ECDHE-PSK-CHACHA20-POLY1305:ECDHE-PSK-AES256-CBC-SHA384';
export const hubTlsVersion = 'TLSv1.2' as const;

/** The PSK: HKDF over the configured location key, bound to the location, so one key is never reused across locations by mistake. */
export function hubPsk(locationKey: string, locationId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(locationKey, 'base64url'), 'loopbaanwinkel-hub-v1', locationId, 32));
}

/**
 * The TLS PSK identity a kiosk presents: its location, the ticket prefix it asks for, and its
 * installation (a random id made once per data dir), so the hub can tell a replaced kiosk from the
 * one it enrolled. The hub decides from its own list what that identity may do.
 */
export const hubIdentity = (locationId: string, ticketPrefix: string, installId: string): string => `${locationId}/${ticketPrefix}/${installId}`;

export interface ParsedIdentity {
  locationId: string;
  prefix: string;
  installId: string;
  /** The hub's kiosk list is per ticket letter: `<location>/<prefix>`. */
  slot: string;
}

export function parseHubIdentity(identity: string): ParsedIdentity | null {
  const m = /^([a-z0-9-]{1,60})\/([A-Z]{1,2})\/([a-z0-9]{16})$/.exec(identity);
  return m ? { locationId: m[1] as string, prefix: m[2] as string, installId: m[3] as string, slot: `${m[1]}/${m[2]}` } : null;
}
