import { useCallback, useEffect, useState } from 'react';

/** Loads now and every `everyMs`; `reload` after an action so the screen never waits for the next tick. */
export function usePolled<T>(load: () => Promise<T>, everyMs: number, onError: (err: unknown) => void): { data: T | null; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const reload = useCallback(() => {
    load().then(setData, onError);
  }, [load, onError]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, reload };
}
