import { z } from 'zod';
import { TrustedContentKeySchema } from '../content/pack-signature';
import { Slug } from '../validation/slug';
import { LanguageCode } from '../contract/languages';
import { MaintenanceWindow, UpdateChannel, defaultMaintenanceWindow } from '../updates/update-channel';

export const DeviceRole = z.enum(['kiosk', 'counter']);
export type DeviceRole = z.infer<typeof DeviceRole>;

const slug = Slug;

/** Paper roll width; it decides the default characters per line (font A). */
export const PaperWidth = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof PaperWidth>;

const printJobTiming = {
  /** How long the kiosk keeps retrying a receipt before it tells the visitor to ask staff. */
  giveUpAfterSeconds: z.number().int().min(5).max(3600).default(60),
};

const layout = {
  paperWidthMm: PaperWidth.default(80),
  /** Leave out to use the usual font-A width for the paper: 32 on 58 mm, 48 on 80 mm. */
  charactersPerLine: z.number().int().min(24).max(64).optional(),
  /**
   * What the receipt's QR code points to. With "{code}" in it, the reference code is put in its
   * place (a public status page); without it the QR holds the bare reference code.
   */
  statusUrl: z
    .url({ protocol: /^https$/, error: 'expected an https URL' })
    .refine((url) => url.includes('{code}'), 'expected "{code}" where the reference code goes')
    .optional(),
};

export const PrinterConfig = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('virtual'), ...layout, ...printJobTiming }),
  z.strictObject({
    type: z.literal('tcp'),
    host: z.string().min(1, 'expected a host name or IP address'),
    port: z.number().int().min(1).max(65535).default(9100),
    /** The command set: EPSON (ESC/POS, answers DLE EOT status) or STAR (Star Line mode). */
    model: z.enum(['epson', 'star']).default('epson'),
    connectTimeoutMs: z.number().int().min(100).max(10_000).default(1500),
    ...layout,
    ...printJobTiming,
  }),
  z.strictObject({ type: z.literal('none') }),
]);
export type PrinterConfig = z.infer<typeof PrinterConfig>;

/**
 * One file per device, written by regional IT. Strict: an unknown key is almost always a typo,
 * and a typo in a kiosk's config should stop start-up, not be ignored for months.
 */
export const DeviceConfigSchema = z.strictObject({
  role: DeviceRole,
  location: z.strictObject({
    id: slug,
    name: z.string().min(1).max(80),
    /** Printed under the shop name on receipts, e.g. "Oudegracht 1, 3511 AB Utrecht". */
    address: z.string().min(1).max(120).optional(),
  }),
  region: slug,
  defaultLanguage: LanguageCode.default('nl'),
  demo: z.boolean().default(false),
  centralApiUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  printer: PrinterConfig.prefault({ type: 'virtual' }),
  updateChannel: UpdateChannel.default('stable'),
  /** electron-updater's generic provider: a folder with latest.yml, pilot.yml, beta.yml. No URL, no updates. */
  updateUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  maintenanceWindow: MaintenanceWindow.default(defaultMaintenanceWindow),
  /** IANA zone the maintenance window is read in; the device's own zone when left out. */
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA time zone such as "Europe/Amsterdam"')
    .optional(),
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
