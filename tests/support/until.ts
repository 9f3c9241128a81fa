/** Polls until `check` holds, or fails the test after `ms`: for effects of the sync worker and other timers. */
export async function until(check: () => boolean | Promise<boolean>, ms = 10_000, what: string | (() => string) = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${typeof what === 'string' ? what : what()}: not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
