import { useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../shared/contract/channels';
import { useKiosk } from '../kiosk-context';

export type CallState<C extends ChannelName> = { kind: 'loading' } | { kind: 'ready'; data: ChannelOutput<C> } | { kind: 'failed' };

/**
 * Calls a channel when the screen opens (and again when its input changes). The input is compared
 * as JSON, so callers can pass an object literal without re-fetching on every render.
 */
export function useCall<C extends ChannelName>(channel: C, input: ChannelInput<C>): CallState<C> {
  const { bridge } = useKiosk();
  const [state, setState] = useState<CallState<C>>({ kind: 'loading' });
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    bridge
      .call(channel, JSON.parse(key) as ChannelInput<C>)
      .then((data) => live && setState({ kind: 'ready', data }))
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [bridge, channel, key]);
  return state;
}
