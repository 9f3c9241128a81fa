import { z } from 'zod';
import { PrinterState } from '../printing/printer-status';
import { UpdateChannel } from '../updates/update-channel';
import { Slug } from '../validation/slug';
import { Heartbeat } from './devices';

/**
 * Regional IT's side of the central API: the fleet as the devices' heartbeats describe it. An IT
 * account signs in with its own username and password (never a device token) and gets a short-lived
 * IT token; a device token is refused on every fleet path, an IT token on every device path.
 */

export const ItSignIn = z.strictObject({
  username: z.string().regex(/^[a-z][a-z0-9._-]{1,39}$/, 'expected a lower-case username such as "ivo"'),
  password: z.string().min(12, 'an IT password has at least 12 characters').max(200),
});
export type ItSignIn = z.infer<typeof ItSignIn>;

export const ItSession = z.object({
  /** Sent as "Authorization: Bearer <token>" on the fleet paths; it opens nothing on device paths. */
  itToken: z.string().min(32).max(200),
  expiresAt: z.iso.datetime(),
});
export type ItSession = z.infer<typeof ItSession>;

/** A device's health as the console sorts it: silent beats failing beats degraded beats ok. */
export const FleetHealth = z.enum(['ok', 'degraded', 'failing', 'silent']);
export type FleetHealth = z.infer<typeof FleetHealth>;

export const FleetUpdateState = z.enum(['disabled', 'idle', 'checking', 'up-to-date', 'downloading', 'ready', 'installing', 'failed']);
export type FleetUpdateState = z.infer<typeof FleetUpdateState>;

/** One device with what its latest heartbeat said; null fields: no heartbeat yet. */
export const FleetDevice = z.object({
  deviceId: z.uuid(),
  locationId: Slug,
  /** Null for a location the central API has no region for. */
  region: Slug.nullable(),
  role: z.enum(['kiosk', 'counter']),
  health: FleetHealth,
  appVersion: z.string().max(40).nullable(),
  contentVersion: z.string().max(60).nullable(),
  channel: UpdateChannel.nullable(),
  rolloutPosition: z.number().int().min(0).max(99).nullable(),
  updateState: FleetUpdateState.nullable(),
  /** The version a download or install is about, or the reason of a failed update. */
  updateDetail: z.string().max(300).nullable(),
  printerState: PrinterState.nullable(),
  paperLow: z.boolean().nullable(),
  queueDepth: z.number().int().min(0).nullable(),
  needsAttention: z.number().int().min(0).nullable(),
  oldestPendingAgeSeconds: z.number().int().min(0).nullable(),
  diskFreeBytes: z.number().int().min(0).nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type FleetDevice = z.infer<typeof FleetDevice>;

/** Query of GET /v1/fleet/devices: every filter optional, combined with AND. */
export const FleetDeviceQuery = z.strictObject({
  region: Slug.optional(),
  location: Slug.optional(),
  state: FleetHealth.optional(),
});
export type FleetDeviceQuery = z.infer<typeof FleetDeviceQuery>;

export const FleetDeviceList = z.object({
  /** The central API's clock when it answered: "silent" is measured against it. */
  asOf: z.iso.datetime(),
  /** A device is silent after this many seconds without a heartbeat (three heartbeat intervals). */
  silentAfterSeconds: z.number().int().min(1),
  devices: z.array(FleetDevice),
});
export type FleetDeviceList = z.infer<typeof FleetDeviceList>;

/** At most this many heartbeats per device are kept (a day at one every five minutes); older ones are dropped. */
export const heartbeatHistoryMax = 288;

export const FleetHeartbeatHistory = z.object({
  device: FleetDevice,
  /** Newest first, at most heartbeatHistoryMax. */
  heartbeats: z.array(z.object({ receivedAt: z.iso.datetime(), heartbeat: Heartbeat })).max(heartbeatHistoryMax),
});
export type FleetHeartbeatHistory = z.infer<typeof FleetHeartbeatHistory>;

/** One channel's release as the update folder publishes it, and how far the fleet has come. */
export const FleetChannelRollout = z.object({
  channel: UpdateChannel,
  /** Null when the folder has no file for this channel. */
  version: z.string().max(64).nullable(),
  /** 0-100; null when the file has none, which is a full release. */
  stagingPercentage: z.number().min(0).max(100).nullable(),
  /** Shops with a device on this channel. */
  shops: z.number().int().min(0),
  /** Shops whose rollout position is below the percentage: they may take the release. */
  shopsInStage: z.number().int().min(0),
  /** In the stage, and every device on this channel runs the version. */
  shopsUpdated: z.number().int().min(0),
  /** In the stage, not yet updated, no failure. */
  shopsWaiting: z.number().int().min(0),
  /** In the stage, and a device reports a failed update. */
  shopsFailed: z.number().int().min(0),
});
export type FleetChannelRollout = z.infer<typeof FleetChannelRollout>;

export const FleetRollout = z.object({ asOf: z.iso.datetime(), channels: z.array(FleetChannelRollout) });
export type FleetRollout = z.infer<typeof FleetRollout>;
