import { z } from 'zod';
import { DeviceRole } from '../config/device-config';
import { LanguageCode } from './languages';

export const AppInfoSchema = z.object({
  productName: z.string(),
  appVersion: z.string(),
  role: DeviceRole,
  /** "outpost": a kiosk with no staff and no hub; its screens offer no ticket and no desk (docs/appointments.md). */
  mode: z.enum(['shop', 'outpost']),
  demo: z.boolean(),
  location: z.object({ id: z.string(), name: z.string() }),
  region: z.string(),
  defaultLanguage: LanguageCode,
  /** The region's colours from the device config (already contrast-checked); null: the national blue. */
  theme: z.object({ brand: z.string(), brandContrast: z.string() }).nullable(),
  idleSeconds: z.number().int(),
  content: z.object({ version: z.string(), createdAt: z.string() }).nullable(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
