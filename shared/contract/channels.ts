import type { z } from 'zod';
import type { ChannelSpec } from './define-channel';
import { appChannels } from './app-channels';
import { appointmentsChannels } from './appointments-channels';
import { deskChannels } from './desk-channels';
import { staffChannels } from './staff-channels';
import { contentChannels } from './content-channels';
import { deviceChannels } from './device-channels';
import { eligibilityChannels } from './eligibility-channels';
import { printingChannels } from './printing-channels';
import { feedbackChannels } from './feedback-channels';
import { invitationsChannels } from './invitations-channels';
import { referralChannels } from './referral-channels';
import { requestsChannels } from './requests-channels';
import { sessionsChannels } from './sessions-channels';
import { selfScanChannels } from './self-scan-channels';
import { speechChannels } from './speech-channels';
import { syncChannels } from './sync-channels';
import { updatesChannels } from './updates-channels';
import { fleetChannels } from './fleet-channels';

/**
 * The whole renderer-to-core contract: one group of channels per capability, each in its own
 * file (app-channels.ts, ...), merged here. Both transports (Electron IPC and the browser host)
 * validate input against these schemas before any core code runs.
 */
export const channels = {
  ...appChannels,
  ...staffChannels,
  ...deskChannels,
  ...contentChannels,
  ...deviceChannels,
  ...requestsChannels,
  ...syncChannels,
  ...printingChannels,
  ...eligibilityChannels,
  ...selfScanChannels,
  ...invitationsChannels,
  ...feedbackChannels,
  ...referralChannels,
  ...updatesChannels,
  ...appointmentsChannels,
  ...sessionsChannels,
  ...fleetChannels,
  ...speechChannels,
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

/** Whether a call is a screen polling rather than a person acting: the channel says so in the contract. */
export function isPassiveChannel(name: string): boolean {
  return isChannelName(name) && (channels[name] as ChannelSpec).passive === true;
}
