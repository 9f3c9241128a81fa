import { z } from 'zod';
import { AppInfoSchema } from './app-info';
import { channel } from './define-channel';

export const appChannels = {
  'app.info': channel({
    passive: true,
    summary: 'What this device is: role, location, versions.',
    input: z.strictObject({}),
    output: AppInfoSchema,
  }),
  'app.reportError': channel({
    passive: true,
    summary: 'The renderer reports an error it caught, so IT can find it in the device log.',
    input: z.strictObject({
      screen: z.string().min(1).max(60).regex(/^[a-z0-9.-]+$/, 'expected a screen id such as "kiosk.welcome"'),
      message: z.string().min(1).max(500),
    }),
    output: z.object({ logged: z.literal(true) }),
  }),
} as const;
