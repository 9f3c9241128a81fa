/** WCAG 2.2.1: the visitor gets at least 20 seconds and one simple action to stay. */
export const warningSeconds = 30;

export type IdlePhase = { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'expired' };

/**
 * Where the visit stands, from the last moment the visitor touched the screen. Pure, so the
 * timing rules are tested without waiting.
 */
export function idlePhase(lastActivityMs: number, nowMs: number, idleSeconds: number): IdlePhase {
  const quietMs = nowMs - lastActivityMs;
  const warnAtMs = idleSeconds * 1000;
  if (quietMs < warnAtMs) return { kind: 'active' };
  const leftMs = warnAtMs + warningSeconds * 1000 - quietMs;
  if (leftMs <= 0) return { kind: 'expired' };
  return { kind: 'warning', secondsLeft: Math.ceil(leftMs / 1000) };
}

export function samePhase(a: IdlePhase, b: IdlePhase): boolean {
  if (a.kind === 'warning' && b.kind === 'warning') return a.secondsLeft === b.secondsLeft;
  return a.kind === b.kind;
}
