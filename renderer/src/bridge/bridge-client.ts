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

export const hostTokenKey = 'loopbaan.hostToken';

/** The browser host hands its token in the URL fragment; keep it for reloads, then hide it. */
function hostToken(): string {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(hostTokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(hostTokenKey) ?? '';
}

function httpTransport(token: string): Transport {
  return async (channel, payload) => {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
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
  const transport: Transport = preload ? (c, p) => preload.call(c, p) : httpTransport(hostToken());
  return {
    async call(channel, input) {
      const raw = BridgeResultSchema.parse(await transport(channel, input));
      if (!raw.ok) throw new BridgeCallError(raw.error);
      return channels[channel].output.parse(raw.result) as ChannelOutput<typeof channel>;
    },
  };
}
