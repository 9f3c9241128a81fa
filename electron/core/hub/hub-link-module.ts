import type { DeviceConfig } from '../../../shared/config/device-config';
import type { Capability } from '../composition/capability';
import type { SyncTransport } from '../sync/sync-module';
import { createHubClient, type HubClient } from './hub-client';
import { hubIdentity, hubPsk } from './hub-psk';

export interface HubLinkModule extends Capability {
  readonly client: HubClient;
  /** The kiosk's outbox goes to the hub, which forwards it to the central API under the same keys. */
  readonly transport: SyncTransport;
}

/** A kiosk's link to its location hub (the counter) over the shop's LAN, TLS with the location key. */
export function createHubLinkModule(deps: { config: DeviceConfig; hubUrl: string; locationKey: string; appVersion: string; requestTimeoutMs?: number }): HubLinkModule {
  const { config } = deps;
  const client = createHubClient({
    url: deps.hubUrl,
    psk: hubPsk(deps.locationKey, config.location.id),
    identity: hubIdentity(config.location.id, config.ticketPrefix),
    appVersion: deps.appVersion,
    requestTimeoutMs: deps.requestTimeoutMs ?? 10_000,
  });
  // The hub trusts a kiosk by its key, not by a token: nothing to renew.
  return { name: 'hub-link', client, transport: { client, auth: { token: () => null, renew: async () => false }, part: 'sync-to-hub' } };
}
