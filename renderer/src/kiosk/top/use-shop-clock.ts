import { useEffect, useState } from 'react';
import type { Bridge } from '../../bridge/bridge-client';

const askEveryMs = 5 * 60_000;
const tickEveryMs = 10_000;

/**
 * The core's time, never the screen's own: asked now and then, and moved on in between by the
 * monotonic clock, so the time shown is the core's (and a test's faked one) to within seconds.
 * Null until the core has answered once.
 */
export function useShopClock(bridge: Bridge): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    let live = true;
    let base: { at: number; mono: number } | null = null;
    const show = (): void => {
      if (live && base) setNow(new Date(base.at + performance.now() - base.mono));
    };
    const ask = (): void => {
      bridge
        .call('app.now', {})
        .then(({ now: iso }) => {
          base = { at: Date.parse(iso), mono: performance.now() };
          show();
        })
        .catch(() => undefined);
    };
    ask();
    const asking = setInterval(ask, askEveryMs);
    const ticking = setInterval(show, tickEveryMs);
    return () => {
      live = false;
      clearInterval(asking);
      clearInterval(ticking);
    };
  }, [bridge]);
  return now;
}
