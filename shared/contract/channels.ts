import { z } from 'zod';
import { AppInfoSchema } from './app-info';

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  summary: string;
}

function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/**
 * The whole renderer-to-core contract. Both transports (Electron IPC and the browser host)
 * validate input against these schemas before any core code runs.
 */
export const channels = {
  'app.info': channel({
    summary: 'What this device is: role, location, versions.',
    input: z.strictObject({}),
    output: AppInfoSchema,
  }),
  'app.reportError': channel({
    summary: 'The renderer reports an error it caught, so IT can find it in the device log.',
    input: z.strictObject({
      screen: z.string().min(1).max(60).regex(/^[a-z0-9.-]+$/, 'expected a screen id such as "kiosk.welcome"'),
      message: z.string().min(1).max(500),
    }),
    output: z.object({ logged: z.literal(true) }),
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
