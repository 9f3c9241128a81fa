import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FleetDeviceList, FleetHeartbeatHistory, FleetRollout, ItSession } from '../../../shared/central-api/fleet';
import type { Clock } from '../clock/clock';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';

const Credentials = z.object({ username: z.string().min(1), password: z.string().min(1), centralApiUrl: z.url().optional() });

export interface FleetClientOptions {
  credentialsFile: string;
  /** The central API; the credentials file may name one instead (fleet-sim writes it there). */
  centralApiUrl: string | undefined;
  clock: Clock;
  logger: Logger;
  requestTimeoutMs?: number;
}

/**
 * The fleet console's side of the central API. It signs in with the IT account's own username and
 * password, read from a file only the core opens, and keeps the IT token in memory; neither ever
 * goes to a screen or into the log.
 */
export function createFleetClient(options: FleetClientOptions) {
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  let session: { token: string; expiresAt: number } | null = null;

  function credentials(): z.infer<typeof Credentials> {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(options.credentialsFile, 'utf8')) as unknown;
    } catch {
      throw new CoreError('unavailable', 'The IT account file cannot be read; check fleet.credentialsFile in the config.');
    }
    const parsed = Credentials.safeParse(raw);
    if (!parsed.success) throw new CoreError('unavailable', 'The IT account file needs a "username" and a "password".');
    return parsed.data;
  }

  async function request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new CoreError('unavailable', 'The central API cannot be reached.');
    }
  }

  let signingIn: Promise<{ base: string; token: string }> | null = null;
  /** One sign-in at a time: calls that start together share it instead of each opening a session. */
  function signIn(): Promise<{ base: string; token: string }> {
    signingIn ??= freshOrCurrent().finally(() => {
      signingIn = null;
    });
    return signingIn;
  }

  async function freshOrCurrent(): Promise<{ base: string; token: string }> {
    const creds = credentials();
    const base = (creds.centralApiUrl ?? options.centralApiUrl ?? '').replace(/\/$/, '');
    if (!base) throw new CoreError('unavailable', 'No central API is configured for the fleet console.');
    if (session && session.expiresAt > options.clock.now().getTime() + 60_000) return { base, token: session.token };
    const res = await request(`${base}/v1/it/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: creds.username, password: creds.password }) });
    if (res.status === 401) {
      options.logger.warn('the central API refused the IT account', { status: res.status });
      throw new CoreError('unavailable', 'The central API refused the IT account: check its username and password.');
    }
    if (res.status !== 201) throw new CoreError('unavailable', `The central API answered ${res.status} to the IT sign-in.`);
    const parsed = ItSession.parse(await res.json());
    session = { token: parsed.itToken, expiresAt: Date.parse(parsed.expiresAt) };
    return { base, token: parsed.itToken };
  }

  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const { base, token } = await signIn();
      const res = await request(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      // An IT token the API forgot (restarted, expired early): sign in once more.
      if (res.status === 401 && attempt === 0) {
        session = null;
        continue;
      }
      if (res.status === 404) throw new CoreError('not_found', 'The central API does not know this device.');
      if (res.status !== 200) throw new CoreError('unavailable', `The central API answered ${res.status}.`);
      return schema.parse(await res.json());
    }
    throw new CoreError('unavailable', 'The central API keeps refusing the IT token.');
  }

  return {
    devices: () => get('/v1/fleet/devices', FleetDeviceList),
    rollout: () => get('/v1/fleet/rollout', FleetRollout),
    history: (deviceId: string) => get(`/v1/fleet/devices/${encodeURIComponent(deviceId)}/heartbeats`, FleetHeartbeatHistory),
  };
}

export type FleetClient = ReturnType<typeof createFleetClient>;
