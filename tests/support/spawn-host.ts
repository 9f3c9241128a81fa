import { spawn, type ChildProcess } from 'node:child_process';
import { openClient, type HostClient } from './host-client';
import { hostEntry, tempDir } from './paths';
import { until } from './until';

export interface SpawnedHost {
  /** The first one-time address the host printed: it opens the app once. */
  url: string;
  origin: string;
  /** The next one-time address the host printed and nobody has taken yet (the host prints one more each time one is opened). */
  nextUrl(): Promise<string>;
  /** An address nobody has opened yet: `url` the first time, then the next printed one (for tests that share one host). */
  fresh(): Promise<string>;
  /** A new client of its own, opened through the next printed address. */
  client(): Promise<HostClient>;
  stdout(): string;
  process: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** A one-time address as the host prints it, without the query of the waiting-room screen's. */
const openAddress = /http:\/\/127\.0\.0\.1:\d+\/open\/[A-Za-z0-9_-]+/g;

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
      const printed = [...out.matchAll(openAddress)].map((m) => m[0]);
      // Only once: a later chunk of output must not strip the 'exit' listener stop() relies on.
      if (started || printed.length === 0) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      let taken = 1;
      const nextUrl = async (): Promise<string> => {
        const index = taken++;
        await until(() => [...out.matchAll(openAddress)].length > index, 10_000, 'the host printing another one-time address');
        return [...out.matchAll(openAddress)][index]?.[0] ?? '';
      };
      const first = printed[0] ?? '';
      let firstGiven = false;
      resolve({
        url: first,
        origin: new URL(first).origin,
        nextUrl,
        fresh: async () => {
          if (firstGiven) return nextUrl();
          firstGiven = true;
          return first;
        },
        client: async () => openClient(await nextUrl()),
        stdout: () => out,
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
