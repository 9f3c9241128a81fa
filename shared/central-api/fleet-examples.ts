import type { z } from 'zod';
import { problemTypes, type Heartbeat, type Problem } from './devices';
import type { FleetDevice, FleetDeviceList, FleetHeartbeatHistory, FleetRollout, ItSession, ItSignIn } from './fleet';

const device = {
  deviceId: '019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a11',
  locationId: 'utrecht-centrum',
  region: 'midden-utrecht',
  role: 'counter',
  health: 'ok',
  appVersion: '0.1.0',
  contentVersion: '2026.11.0',
  channel: 'stable',
  rolloutPosition: 37,
  updateState: 'ready',
  updateDetail: '0.2.0',
  printerState: 'ready',
  paperLow: false,
  queueDepth: 2,
  needsAttention: 0,
  oldestPendingAgeSeconds: 41,
  diskFreeBytes: 48_000_000_000,
  lastSeenAt: '2026-11-24T08:30:00.000Z',
} satisfies z.input<typeof FleetDevice>;

/** The fleet paths' examples, built on the device heartbeat example; examples.ts spreads them into the document's one example list. */
export const fleetExamples = (heartbeat: z.input<typeof Heartbeat>) => ({
  itSignIn: { username: 'ivo', password: 'voorbeeld-wachtwoord-2026' } satisfies z.input<typeof ItSignIn>,
  itSession: { itToken: 'aXQtZXhhbXBsZS10b2tlbi1ub3QtYS1yZWFsLW9uZS0yMDI2', expiresAt: '2026-11-24T16:30:00.000Z' } satisfies z.input<typeof ItSession>,
  itRefused: { type: problemTypes.unauthorized, title: 'This username and password do not match an IT account.', status: 401 } satisfies z.input<typeof Problem>,
  itOnly: { type: problemTypes.forbidden, title: 'The fleet is for IT accounts; a device token cannot read it.', status: 403 } satisfies z.input<typeof Problem>,
  fleetDevices: { asOf: '2026-11-24T08:31:00.000Z', silentAfterSeconds: 900, devices: [device] } satisfies z.input<typeof FleetDeviceList>,
  fleetHistory: {
    device,
    heartbeats: [
      {
        receivedAt: '2026-11-24T08:30:00.000Z',
        heartbeat,
      },
    ],
  } satisfies z.input<typeof FleetHeartbeatHistory>,
  fleetRollout: {
    asOf: '2026-11-24T08:31:00.000Z',
    channels: [
      { channel: 'stable', version: '0.2.0', stagingPercentage: 25, shops: 480, shopsInStage: 118, shopsUpdated: 110, shopsWaiting: 6, shopsFailed: 2 },
      { channel: 'pilot', version: '0.2.0', stagingPercentage: null, shops: 20, shopsInStage: 20, shopsUpdated: 20, shopsWaiting: 0, shopsFailed: 0 },
      { channel: 'beta', version: null, stagingPercentage: null, shops: 0, shopsInStage: 0, shopsUpdated: 0, shopsWaiting: 0, shopsFailed: 0 },
    ],
  } satisfies z.input<typeof FleetRollout>,
  deviceNotFound: { type: problemTypes.notFound, title: 'There is no device with this id.', status: 404 } satisfies z.input<typeof Problem>,
});
