import type { FleetHealth } from '../../../shared/central-api/fleet';
import type { fleetChannels } from '../../../shared/contract/fleet-channels';
import { devicesCsv, fleetAlerts, versionsPerChannel } from '../../../shared/fleet/fleet-alerts';
import { matchesFleetFilter } from '../../../shared/fleet/fleet-filter';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import type { Logger } from '../log/logger';
import { createFleetClient } from './fleet-client';

export interface FleetModule extends Capability {
  readonly handlers: HandlersFor<typeof fleetChannels>;
}

/** Regional IT's console: the fleet from the central API, with the alerts worked out here, not in the screen. */
export function createFleetModule(deps: { credentialsFile: string; centralApiUrl: string | undefined; clock: Clock; logger: Logger }): FleetModule {
  const client = createFleetClient(deps);
  return {
    name: 'fleet',
    handlers: {
      'fleet.overview': async () => {
        const [list, rollout] = await Promise.all([client.devices(), client.rollout()]);
        const counts: Record<FleetHealth, number> = { ok: 0, degraded: 0, failing: 0, silent: 0 };
        for (const d of list.devices) counts[d.health]++;
        return {
          asOf: list.asOf,
          counts,
          versions: versionsPerChannel(list.devices),
          rollout: rollout.channels,
          alerts: fleetAlerts(list.devices, new Date(list.asOf)),
          devices: list.devices,
        };
      },
      'fleet.device': ({ deviceId }) => client.history(deviceId),
      'fleet.exportCsv': async (filter) => {
        const list = await client.devices();
        const rows = list.devices.filter((d) => matchesFleetFilter(d, filter));
        return { fileName: `vloot-${list.asOf.slice(0, 10)}.csv`, csv: devicesCsv(rows), rows: rows.length };
      },
    },
  };
}
