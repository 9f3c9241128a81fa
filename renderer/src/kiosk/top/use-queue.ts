import { useEffect, useState } from 'react';
import type { QueueNow } from '../../../../shared/contract/requests-channels';
import type { Bridge } from '../../bridge/bridge-client';

const askEveryMs = 30_000;

/** The walk-in queue, asked every half minute while `watching` and on each new screen (a ticket just taken counts); null while unknown (or on an outpost, which has none). */
export function useQueue(bridge: Bridge, watching: boolean, askAgainOn: unknown): QueueNow {
  const [queue, setQueue] = useState<QueueNow>(null);
  useEffect(() => {
    if (!watching) return;
    let live = true;
    const ask = (): void => {
      bridge
        .call('ticket.queue', {})
        .then((answer) => live && setQueue(answer))
        .catch(() => live && setQueue(null));
    };
    ask();
    const asking = setInterval(ask, askEveryMs);
    return () => {
      live = false;
      clearInterval(asking);
    };
  }, [bridge, watching, askAgainOn]);
  return queue;
}
