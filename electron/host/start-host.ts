import type { AddressInfo } from 'node:net';
import { createCore, type Core, type CoreOptions } from '../core/app-core';
import { createClientSessions } from './client-sessions';
import { createHostServer } from './http-server';

export interface RunningHost {
  origin: string;
  /**
   * A new address that opens the app once (see client-sessions.ts); with `ttlMs` it also
   * expires, for a browser started right away. Each one opened is a client of its own.
   */
  openUrl(options?: { ttlMs?: number }): string;
  core: Core;
  close(): Promise<void>;
}

export interface HostOptions extends Omit<CoreOptions, 'shell'> {
  port: number;
  staticDir: string;
  /** Tests inject a wrapped core to watch what reaches it. */
  wrapCore?: (core: Core) => Core;
  /** Called each time a one-time address has been opened. */
  onOpened?: () => void;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const created = createCore({ ...options, shell: 'browser' });
  const core = options.wrapCore ? options.wrapCore(created) : created;
  // One-time addresses expire by the core's clock, so a test that moves the clock moves them too.
  const now = options.now;
  const sessions = createClientSessions(now ? () => now().getTime() : Date.now);
  const server = createHostServer({ dispatch: core.dispatch, staticDir: options.staticDir, sessions, onOpened: options.onOpened, logger: options.logger, role: options.config.role });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    openUrl: (opts) => `${origin}${sessions.openPath(opts)}`,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
