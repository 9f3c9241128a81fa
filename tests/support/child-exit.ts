import type { ChildProcess } from 'node:child_process';

/**
 * How a child test process ended: its exit code and signal. Killed and rejected when it runs past
 * `ms`; rejected when `mustSucceed` and it exits otherwise than with 0. `stderr` names the cause.
 */
export function childExit(proc: ChildProcess, what: string, options: { mustSucceed: boolean; stderr: () => string; ms?: number }): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${what} did not finish in time: ${options.stderr()}`));
    }, options.ms ?? 30_000);
    proc.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (options.mustSucceed && code !== 0) reject(new Error(`${what} failed (${code ?? signal}): ${options.stderr()}`));
      resolve({ code, signal });
    });
  });
}
