import { join } from 'node:path';
import { startCentralSim, type RunningSim, type SimOptions } from '../../electron/central-sim/sim-server';
import { systemClock, type Clock } from '../../electron/core/clock/clock';
import { createFileKeyProvider } from '../../electron/core/crypto/key-provider';
import type { Logger } from '../../electron/core/log/logger';
import { silentLogger } from '../../electron/core/log/logger';
import { createOutbox, type Outbox } from '../../electron/core/outbox/outbox';
import { newReferenceCode } from '../../electron/core/requests/reference-code';
import { openDeviceStore, type DeviceStore } from '../../electron/core/store/open-device-store';
import { createCentralClient } from '../../electron/core/sync/central-client';
import { createDeviceAuth } from '../../electron/core/sync/device-auth';
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from '../../electron/core/sync/sync-worker';
import { tempDir } from './paths';
import { submittedVisitor } from './voucher-input';
import { until } from './until';

export const fastSync = { maxInFlight: 8, baseDelayMs: 20, capDelayMs: 400, circuitThreshold: 6, probeBaseMs: 20, idlePollMs: 50 } satisfies Partial<SyncWorkerOptions>;

export async function startSim(options: Partial<SimOptions> = {}): Promise<RunningSim> {
  return startCentralSim({ dbFile: join(tempDir('sim'), 'central.sqlite'), seed: 42, ...options });
}

export function submissionBody(n: number, reference = newReferenceCode()) {
  return { ...submittedVisitor(n), reference, locationId: 'utrecht-centrum', region: 'midden-utrecht', startedAt: '2026-11-24T08:12:30.000Z' };
}

export interface Device {
  store: DeviceStore;
  outbox: Outbox;
  worker: SyncWorker;
  /** The clock the worker and its client were built with: what a test reads "now" from. */
  clock: Clock;
  /** Enqueues one voucher submission in its own transaction, as the domain does. */
  enqueue(n: number, aggregateId: string, reference?: string): string;
  waitUntilDrained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** What a device needs of a simulator: its URL and a way to get enrollment codes (in-process or over HTTP). */
export interface CentralEndpoint {
  url: string;
  issueEnrollmentCode(): string | Promise<string>;
}

/** One device's outbox and sync worker against a simulator, without the rest of the core. */
export function device(sim: CentralEndpoint, options: Partial<SyncWorkerOptions> & { requestTimeoutMs?: number; logger?: Logger; dataDir?: string } = {}): Device {
  const dataDir = options.dataDir ?? tempDir('device');
  const store = openDeviceStore(dataDir, createFileKeyProvider(join(dataDir, 'field-key')));
  const outbox = createOutbox(store.db, store.cipher);
  const clock = options.clock ?? systemClock;
  const client = createCentralClient({ baseUrl: sim.url, requestTimeoutMs: options.requestTimeoutMs ?? 2000, now: () => clock.now(), maxSockets: options.maxInFlight ?? fastSync.maxInFlight });
  const logger = options.logger ?? silentLogger;
  const auth = createDeviceAuth({
    db: store.db,
    cipher: store.cipher,
    client,
    config: { location: { id: 'utrecht-centrum', name: 'Utrecht' }, role: 'kiosk' },
    appVersion: 'test',
    logger,
    enrollmentCode: async () => sim.issueEnrollmentCode(),
  });
  const worker = createSyncWorker({ ...fastSync, ...options, outbox, client, auth, logger, clock });
  return {
    store,
    outbox,
    worker,
    clock,
    enqueue(n, aggregateId, reference = newReferenceCode()) {
      store.db.transaction(() => outbox.enqueue({ aggregateType: 'test-aggregate', aggregateId, kind: 'voucher-request.submit', reference, body: submissionBody(n, reference) }, clock.now()))();
      return reference;
    },
    async waitUntilDrained(timeoutMs = 60_000) {
      await until(() => outbox.pendingCount() === 0, timeoutMs, () => `outbox drained (${JSON.stringify(outbox.counts())})`);
    },
    async close() {
      await worker.stop();
      client.close();
      store.close();
    },
  };
}
