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
  /** Starts every queue-ticket number this device prints; give each kiosk of a location its own (A, B, ...) so numbers never collide. */
  /** Days a request's personal data stays on the device after the central API acknowledged it. */
  personalDataRetentionDays: z.number().int().min(0).max(30).default(3),
  ticketPrefix: z.string().regex(/^[A-Z]{1,2}$/, 'expected one or two capital letters such as "A"').default('A'),
  /** Only packs signed by one of these keys are installed; demo mode trusts the dev-only sample key. */
  trustedContentKeys: z.array(TrustedContentKeySchema).default([]),
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;
