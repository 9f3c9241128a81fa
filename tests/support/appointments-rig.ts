import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RunningSim } from '../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../shared/config/device-config';
import type { HubKiosk, HubStatus } from '../../shared/contract/desk-channels';
import { startCounterCore, type CounterCore } from './counter-core';
import { freePort } from './free-port';
import { resourcesDir, tempDir } from './paths';
import { fastSync } from './sync-rig';
import { until } from './until';

/** A Monday at 09:00 in Zwolle (winter time): the shop opened a moment ago. */
export const mondayMorning = new Date('2027-01-11T08:00:00.000Z');

export type Answer = { ok: true; result: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

export interface Device {
  core: Core;
  dataDir: string;
  /** Any answer, refusals included. */
  ask(channel: string, input?: unknown): Promise<Answer>;
  /** A step that must succeed. */
  call<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T>;
}

function device(core: Core, dataDir: string): Device {
  const ask = async (channel: string, input: unknown = {}): Promise<Answer> => (await core.dispatch(channel, input, { transport: 'test', client: 'test' })) as Answer;
  return {
    core,
    dataDir,
    ask,
    call: async <T,>(channel: string, input: unknown = {}): Promise<T> => {
      const r = await ask(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.result as T;
    },
  };
}

/** Counts rows of a device database, read-only, beside the running core. */
export function countRows(dataDir: string, sql: string, ...params: unknown[]): number {
  const db = new Database(join(dataDir, 'device.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
  } finally {
    db.close();
  }
}

/**
 * A Zwolle counter with its hub on loopback and kiosks enrolled at it over real TLS-PSK, every
 * device on the same fixed clock and with the sample content pack. With `sim` the counter is
 * enrolled at the central-API simulator, and so shares its shop's time with outposts.
 */
export async function startShop(options: { now: () => Date; kiosks: number; kioskConfig?: Partial<DeviceConfigInput>; sim?: RunningSim }) {
  const cores: Core[] = [];
  const port = await freePort();
  const locationKey = randomBytes(32).toString('base64url');
  const counter: CounterCore = startCounterCore({ now: options.now, sim: options.sim, config: { ticketPrefix: 'A', hub: { listenHost: '127.0.0.1', port, locationKey } } });
  cores.push(counter.core);
  const desk = device(counter.core, counter.dataDir);
  await desk.call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  await until(async () => Boolean((await desk.call<HubStatus>('hub.status')).listening), 5000, 'the hub listening');

  const kiosks: Device[] = [];
  for (let i = 0; i < options.kiosks; i++) {
    const dataDir = tempDir('kiosk');
    const prefix = String.fromCharCode('B'.charCodeAt(0) + i);
    const core = createCore({
      config: DeviceConfigSchema.parse({
        role: 'kiosk',
        demo: true,
        location: { id: 'zwolle-centrum', name: 'Zwolle' },
        region: 'regio-zwolle',
        ticketPrefix: prefix,
        hub: { url: `https://127.0.0.1:${port}`, locationKey },
        ...options.kioskConfig,
      }),
      appVersion: '1.4.0',
      resourcesDir,
      dataDir,
      shell: 'browser',
      logger: silentLogger,
      syncTuning: { ...fastSync, requestTimeoutMs: 5000 },
      hubHeartbeat: { firstAfterMs: 20, everyMs: 200 },
      now: options.now,
    });
    cores.push(core);
    kiosks.push(device(core, dataDir));
    const identity = `zwolle-centrum/${prefix}`;
    let waiting: HubKiosk | undefined;
    await until(async () => (waiting = (await desk.call<HubStatus>('hub.status')).kiosks.find((k) => k.identity === identity && k.candidate !== null)) !== undefined, 10_000, `${identity} waiting for approval`);
    await desk.call('hub.approve', { identity, install: waiting?.candidate?.install });
  }
  return {
    desk,
    kiosks,
    closeCounter: async () => {
      await counter.core.close();
      cores.splice(cores.indexOf(counter.core), 1);
    },
    close: () => Promise.all(cores.splice(0).map((c) => c.close())),
  };
}

/** An outpost kiosk (no desk, no hub) in Holtenbroek, enrolled at the central-API simulator. */
export async function startOutpost(central: RunningSim, now: () => Date, id = 'zwolle-buurthuis-holtenbroek'): Promise<Device> {
  const dataDir = tempDir('outpost');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role: 'kiosk', mode: 'outpost', demo: true, location: { id, name: 'Buurthuis Holtenbroek' }, region: 'regio-zwolle', centralApiUrl: central.url }),
    appVersion: '1.4.0',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    enrollmentCode: async () => central.issueEnrollmentCode(),
    syncTuning: { ...fastSync, requestTimeoutMs: 3000 },
    heartbeat: { firstAfterMs: 10, everyMs: 60_000 },
    now,
  });
  const outpost = device(core, dataDir);
  await until(async () => (await outpost.call<{ enrollment: string }>('device.status')).enrollment === 'enrolled', 10_000, 'the outpost enrolled');
  return outpost;
}
