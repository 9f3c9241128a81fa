import { z } from 'zod';
import { TrustedContentKeySchema } from '../content/pack-signature';
import { Slug } from '../validation/slug';
import { LanguageCode } from '../contract/languages';

export const DeviceRole = z.enum(['kiosk', 'counter']);
export type DeviceRole = z.infer<typeof DeviceRole>;

const slug = Slug;

export const PrinterConfig = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('virtual') }),
  z.strictObject({
    type: z.literal('tcp'),
    host: z.string().min(1, 'expected a host name or IP address'),
    port: z.number().int().min(1).max(65535).default(9100),
    charactersPerLine: z.union([z.literal(32), z.literal(42), z.literal(48)]).default(42),
  }),
  z.strictObject({ type: z.literal('none') }),
]);

/**
 * One file per device, written by regional IT. Strict: an unknown key is almost always a typo,
 * and a typo in a kiosk's config should stop start-up, not be ignored for months.
 */
export const DeviceConfigSchema = z.strictObject({
  role: DeviceRole,
  location: z.strictObject({
    id: slug,
    name: z.string().min(1).max(80),
  }),
  region: slug,
  defaultLanguage: LanguageCode.default('nl'),
  demo: z.boolean().default(false),
  centralApiUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  printer: PrinterConfig.default({ type: 'virtual' }),
  updateChannel: z.enum(['stable', 'pilot', 'beta']).default('stable'),
  idleSeconds: z.number().int().min(30).max(600).default(90),
  /** Counter desk: lock after this long without keyboard or mouse activity; the same PIN opens it again. */
  deskAutoLockSeconds: z.number().int().min(10).max(3600).default(300),
  /**
   * The location hub (docs/counter-and-hub.md). On a kiosk: `url` of the counter's hub, and its
   * tickets and requests go there instead of straight to the central API. On the counter: it
   * listens on `listenHost:port` for the kiosks of its location. Both prove themselves with the
   * location key (TLS 1.2 with a pre-shared key derived from it). Absent: the device is its own hub.
   */
  hub: z
    .strictObject({
      url: z.url({ protocol: /^https$/, error: 'expected the hub address as https://<counter-ip>:<port>' }).optional(),
      listenHost: z.string().min(1).default('0.0.0.0'),
      port: z.number().int().min(1).max(65535).default(47400),
      locationKey: z.string().regex(/^[A-Za-z0-9_-]{43,}$/, 'expected a base64url location key of at least 32 bytes (43 characters)'),
    })
    .optional(),
  /** Starts every queue-ticket number this device prints; give each kiosk of a location its own (A, B, ...) so numbers never collide. */
  /** Days a request's personal data stays on the device after the central API acknowledged it. */
  personalDataRetentionDays: z.number().int().min(0).max(30).default(3),
  ticketPrefix: z.string().regex(/^[A-Z]{1,2}$/, 'expected one or two capital letters such as "A"').default('A'),
  /** Only packs signed by one of these keys are installed; demo mode trusts the dev-only sample key. */
  trustedContentKeys: z.array(TrustedContentKeySchema).default([]),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;
