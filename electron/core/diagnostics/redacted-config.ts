import { createHash } from 'node:crypto';
import type { DeviceConfig } from '../../../shared/config/device-config';

/** Short enough to read aloud on the phone, long enough that two different keys practically never match. */
export function locationKeyFingerprint(locationKey: string): string {
  const hex = createHash('sha256').update(locationKey, 'utf8').digest('hex');
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}`;
}

/** A URL as IT may see it: any user name or password written into it is dropped. */
function withoutCredentials(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/**
 * The configuration as the diagnostics screen shows it. The location key lets a device join the
 * location hub: only its fingerprint leaves the core, so IT can still tell whether a kiosk and its
 * counter were given the same key. IT's PIN hashes leave it not at all (a hash is what a guesser
 * works on offline): the screen lists the accounts by name.
 */
export function redactedConfig(config: DeviceConfig): { config: Record<string, unknown>; fingerprint: string | null } {
  const { hub, centralApiUrl, updateUrl, itStaff, ...rest } = config;
  const fingerprint = hub ? locationKeyFingerprint(hub.locationKey) : null;
  return {
    config: {
      ...rest,
      itStaff: itStaff.map(({ username, displayName }) => ({ username, displayName })),
      ...(centralApiUrl === undefined ? {} : { centralApiUrl: withoutCredentials(centralApiUrl) }),
      ...(updateUrl === undefined ? {} : { updateUrl: withoutCredentials(updateUrl) }),
      ...(hub ? { hub: { ...hub, locationKey: `hidden (fingerprint ${fingerprint})` } } : {}),
    },
    fingerprint,
  };
}
