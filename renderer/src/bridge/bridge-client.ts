import {
  channels,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../../shared/contract/channels';
import { BridgeErrorSchema, BridgeResultSchema, type BridgeError } from '../../../shared/contract/errors';

export class BridgeCallError extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
    this.name = 'BridgeCallError';
  }
}

interface PreloadBridge {
  call(channel: string, payload: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    loopbaan?: PreloadBridge;
  }
}

type Transport = (channel: ChannelName, payload: unknown) => Promise<unknown>;

/**
 * The browser host knows this page by its session cookie (HttpOnly: no script here can read or
 * leak it), set when the page was opened through a one-time address; same-origin fetches send it.
 */
function httpTransport(): Transport {
  return async (channel, payload) => {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload),
    });
    const body = (await response.json()) as { result?: unknown; error?: unknown };
    if (response.ok) return { ok: true, result: body.result };
    const error = BridgeErrorSchema.safeParse(body.error);
    return { ok: false, error: error.success ? error.data : { code: 'internal', message: `HTTP ${response.status}` } };
  };
}

export interface Bridge {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/** The renderer does not know or care which shell it runs in: both answer the same contract. */
export function createBridge(): Bridge {
  const preload = window.loopbaan;
  const transport: Transport = preload ? (c, p) => preload.call(c, p) : httpTransport();
  return {
    async call(channel, input) {
      const raw = BridgeResultSchema.parse(await transport(channel, input));
      if (!raw.ok) throw new BridgeCallError(raw.error);
      return channels[channel].output.parse(raw.result) as ChannelOutput<typeof channel>;
    },
  };
}
