import { z } from 'zod';
import { TrustedContentKeySchema } from '../content/pack-signature';
import { Username } from '../staff/pin';
import { contrastRatio } from '../theme/contrast';
import { Slug } from '../validation/slug';
import { LanguageCode } from '../contract/languages';
import { MaintenanceWindow, UpdateChannel, defaultMaintenanceWindow } from '../updates/update-channel';

/** `fleet` is regional IT's console on its own PC (docs/fleet.md): it reads the fleet, it serves no visitor. */
export const DeviceRole = z.enum(['kiosk', 'counter', 'fleet']);
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

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb, e.g. "#154273"').transform((c) => c.toLowerCase());

/**
 * A region's own colours. The brand colour fills the header and primary buttons, and is the text
 * colour of secondary buttons on white; its contrast colour is the text on it. Both pairings must
 * pass WCAG AA for normal text (4.5:1), or the device does not start: a low-contrast theme would
 * fail every visitor who sees less well, on every screen.
 */
export const ThemeConfig = z
  .strictObject({ brand: hexColour, brandContrast: hexColour.default('#ffffff') })
  .superRefine((theme, ctx) => {
    const onBrand = contrastRatio(theme.brand, theme.brandContrast);
    if (onBrand < 4.5) ctx.addIssue({ code: 'custom', path: ['brandContrast'], message: `text in ${theme.brandContrast} on ${theme.brand} has a contrast of ${onBrand.toFixed(2)}:1; WCAG AA needs at least 4.5:1` });
    const onWhite = contrastRatio(theme.brand, '#ffffff');
    if (onWhite < 4.5) ctx.addIssue({ code: 'custom', path: ['brand'], message: `${theme.brand} on white has a contrast of ${onWhite.toFixed(2)}:1; WCAG AA needs at least 4.5:1 (choose a darker shade)` });
  });
export type ThemeConfig = z.infer<typeof ThemeConfig>;

/**
 * One file per device, written by regional IT. Strict: an unknown key is almost always a typo,
 * and a typo in a kiosk's config should stop start-up, not be ignored for months.
 */
export const DeviceConfigSchema = z.strictObject({
  role: DeviceRole,
  /**
   * "outpost": a kiosk in a library or community centre with no staff and no hub. It gives no
   * tickets and sends nobody to a desk; it books appointments at its region's shops through the
   * central API. "shop" (default): a kiosk or counter in a staffed shop.
   */
  mode: z.enum(['shop', 'outpost']).default('shop'),
  location: z.strictObject({
    id: slug,
    name: z.string().min(1).max(80),
    /** Printed under the shop name on receipts, e.g. "Oudegracht 1, 3511 AB Utrecht". */
    address: z.string().min(1).max(120).optional(),
  }),
  region: slug,
  defaultLanguage: LanguageCode.default('nl'),
  /** The region's colours; the national blue when left out. High contrast mode ignores them. */
  theme: ThemeConfig.optional(),
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
  /**
   * Regional IT's own accounts on a counter. The desk cannot create an account above the location
   * manager's, so IT's come with the device's provisioning: the PIN as a hash from `npm run
   * hash-pin`, never the PIN. The list is the truth: at start, listed accounts are added or
   * updated and IT accounts no longer listed are removed.
   */
  itStaff: z
    .array(
      z.strictObject({
        username: Username,
        displayName: z.string().trim().min(1).max(60),
        pinHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/, 'expected a PIN hash made with `npm run hash-pin` (it starts with "scrypt$")'),
      }),
    )
    .max(20)
    .refine((list) => new Set(list.map((a) => a.username)).size === list.length, 'expected every IT user name once')
    .default([]),
  /** Only packs signed by one of these keys are installed; demo mode trusts the dev-only sample key. */
  trustedContentKeys: z.array(TrustedContentKeySchema).default([]),
  /** Days an appointment's or seat's contact data (first name, phone) stays after its date. */
  appointmentRetentionDays: z.number().int().min(0).max(30).default(1),
  /**
   * The fleet console (role "fleet"): the file, readable by IT's account only, that holds the IT
   * account's username and password for the central API. The core reads it; the screens never see it.
   */
  fleet: z.strictObject({ credentialsFile: z.string().min(1) }).optional(),
})
  .superRefine((config, ctx) => {
    if (config.mode !== 'outpost') return;
    if (config.role !== 'kiosk') ctx.addIssue({ code: 'custom', path: ['mode'], message: 'only a kiosk can be an outpost; a counter is a staffed shop' });
    if (config.hub) ctx.addIssue({ code: 'custom', path: ['hub'], message: 'an outpost has no hub: it books through the central API (remove "hub")' });
    if (!config.centralApiUrl && !config.demo) ctx.addIssue({ code: 'custom', path: ['centralApiUrl'], message: 'an outpost books through the central API: give its centralApiUrl' });
  });
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceConfigInput = z.input<typeof DeviceConfigSchema>;
