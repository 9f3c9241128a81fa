/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * sleep = random(0, min(cap, base * 2^attempt)). Without jitter every device that failed together
 * retries together; with it, a fleet coming back online spreads its retries over the window.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: (() => number) | null): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return random ? Math.floor(random() * ceiling) : ceiling;
}
