import { z } from 'zod';
import { beforeSignIn } from './access';
import { AppInfoSchema } from './app-info';
import { channel } from './define-channel';

export const appChannels = {
  'app.info': channel({
    passive: true,
    summary: 'What this device is: role, location, versions.',
    input: z.strictObject({}),
    output: AppInfoSchema,
    access: { ...beforeSignIn('the app reads it first, to know whether to show the kiosk, the desk\'s sign-in or the waiting-room screen'), devices: ['kiosk', 'counter', 'fleet'] },
  }),
  'app.now': channel({
    passive: true,
    summary: "The core's clock, for the time on the kiosk's screens: the screen never trusts its own.",
    input: z.strictObject({}),
    output: z.object({ now: z.iso.datetime() }),
    access: { devices: ['kiosk'] },
  }),
  'app.reportError': channel({
    passive: true,
    summary: 'The renderer reports an error it caught, so IT can find it in the device log.',
    input: z.strictObject({
      screen: z.string().min(1).max(60).regex(/^[a-z0-9.-]+$/, 'expected a screen id such as "kiosk.welcome"'),
      message: z.string().min(1).max(500),
    }),
    output: z.object({ logged: z.literal(true) }),
    access: { ...beforeSignIn('an error on the sign-in or waiting-room screen must still reach the device log'), devices: ['kiosk', 'counter', 'fleet'] },
  }),
} as const;
