import { z } from 'zod';
import { FleetChannelRollout, FleetDevice, FleetHealth, FleetHeartbeatHistory } from '../central-api/fleet';
import { FleetAlert } from '../fleet/fleet-alerts';
import { Slug } from '../validation/slug';
import type { ChannelAccess } from './access';
import { channel } from './define-channel';

/** The fleet console runs on IT's own PC: no kiosk or counter answers these channels. */
const fleetOnly: ChannelAccess = { devices: ['fleet'] };

export const FleetOverview = z.object({
  asOf: z.iso.datetime(),
  counts: z.record(FleetHealth, z.number().int().min(0)),
  versions: z.array(z.object({ channel: z.string(), versions: z.array(z.object({ version: z.string(), devices: z.number().int().min(0) })) })),
  rollout: z.array(FleetChannelRollout),
  alerts: z.array(FleetAlert),
  devices: z.array(FleetDevice),
});
export type FleetOverview = z.infer<typeof FleetOverview>;

/** The devices table's filters; the CSV export takes the same, so the file holds what the table shows. */
export const FleetFilter = z.strictObject({
  search: z.string().max(80).optional(),
  region: Slug.optional(),
  location: Slug.optional(),
  version: z.string().max(64).optional(),
  state: FleetHealth.optional(),
});
export type FleetFilter = z.infer<typeof FleetFilter>;

export const fleetChannels = {
  'fleet.overview': channel({
    passive: true,
    summary: 'The fleet from the central API: every device with its latest heartbeat, counts, versions per channel, rollout progress and alerts by urgency.',
    input: z.strictObject({}),
    output: FleetOverview,
    access: fleetOnly,
  }),
  'fleet.device': channel({
    passive: true,
    summary: 'One device and its recent heartbeats, newest first.',
    input: z.strictObject({ deviceId: z.uuid() }),
    output: FleetHeartbeatHistory,
    access: fleetOnly,
  }),
  'fleet.exportCsv': channel({
    summary: 'The devices that match the filters as CSV, for a spreadsheet.',
    input: FleetFilter,
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().min(0) }),
    access: fleetOnly,
  }),
} as const;
