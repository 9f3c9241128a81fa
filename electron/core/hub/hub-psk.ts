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

/** The TLS PSK identity a kiosk presents: its location and ticket prefix, which the hub shows per kiosk. */
export const hubIdentity = (locationId: string, ticketPrefix: string): string => `${locationId}/${ticketPrefix}`;
