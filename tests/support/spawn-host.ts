import { spawn, type ChildProcess } from 'node:child_process';
import { hostEntry, tempDir } from './paths';

export interface SpawnedHost {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the built browser host as its own process, the way npm start and IT do. */
export function spawnHost(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<SpawnedHost> {
  const dataDir = args.includes('--data-dir') ? [] : ['--data-dir', tempDir('host')];
  const child = spawn(process.execPath, [hostEntry, '--port', '0', ...dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${out}\n${err}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}\n${err}`));
    });
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
      // Only once: a later chunk of output must not strip the 'exit' listener stop() relies on.
      if (started || !match?.[1] || !match[2]) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: match[0],
        origin: match[1],
        token: match[2],
        process: child,
        stderr: () => err,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
