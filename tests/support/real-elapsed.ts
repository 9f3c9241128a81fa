/**
 * How many real milliseconds `run` takes, for the few bounds that are about real I/O against a
 * real deadline (a socket timeout to a hung printer, delivery between two processes), which no test
 * clock can stand in for. Monotonic time, so a wall clock set or faked mid-test cannot skew it.
 * Everything else reads the clock the code under test was given.
 */
export async function realElapsedMs<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}
