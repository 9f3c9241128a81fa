import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEventListeners, setMaxListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralSim } from '../../../electron/central-sim/sim-server';
import { deadline } from '../../../electron/core/clock/clock';
import { createCentralClient } from '../../../electron/core/sync/central-client';
import type { PendingMessage } from '../../../electron/core/outbox/outbox';
import { tempDir } from '../../support/paths';
import { submissionBody } from '../../support/sync-rig';
import { until } from '../../support/until';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const message = (n: number): PendingMessage => ({
  id: n,
  idempotencyKey: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  aggregateType: 'voucher-request',
  aggregateId: `agg-${n}`,
  kind: 'voucher-request.submit',
  reference: 'KMNP-QRTU',
  attempts: 0,
  createdAt: '2026-11-20T10:00:00.000Z',
  body: submissionBody(n),
  bodyJson: JSON.stringify(submissionBody(n)),
});

/** A server that takes requests and never answers them. */
async function silentServer(): Promise<string> {
  const server: Server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('deadlines on requests to the central API', () => {
  it('a cleared deadline never fires and leaves no listener on the signal it follows', async () => {
    const outer = new AbortController();
    const reasons: Record<string, Error[]> = { cleared: [], later: [], stopped: [] };
    const cleared = deadline(20, (r) => reasons.cleared?.push(r), outer.signal);
    cleared.clear();
    deadline(60, (r) => reasons.later?.push(r));
    await until(() => reasons.later?.length === 1, 5_000, 'the later deadline firing');
    expect(reasons.later?.[0]).toMatchObject({ name: 'TimeoutError' });
    expect(reasons.cleared).toEqual([]);
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
    // The signal it follows aborts it once, with that signal's reason, and its timer never fires after.
    deadline(60, (r) => reasons.stopped?.push(r), outer.signal);
    outer.abort();
    expect(reasons.stopped?.[0]).toMatchObject({ name: 'AbortError' });
    deadline(120, (r) => reasons.later?.push(r));
    await until(() => reasons.later?.length === 2, 5_000, 'a deadline set after the abort firing');
    expect(reasons.stopped).toHaveLength(1);
    expect(reasons.cleared).toEqual([]);
    expect(getEventListeners(outer.signal, 'abort')).toHaveLength(0);
  });

  it('200 answered sends under one signal leave no listener behind on it; a silent server still times out', async () => {
    const sim = await startCentralSim({ dbFile: `${tempDir('deadlines')}/sim.sqlite`, port: 0 });
    cleanups.push(() => sim.close());
    const client = createCentralClient({ baseUrl: sim.url, requestTimeoutMs: 15_000, now: () => new Date('2026-11-20T10:00:00Z') });
    const worker = new AbortController();
    setMaxListeners(250, worker.signal);
    // Without a token the simulator answers 401: a complete answer, which is what clears a deadline.
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => client.send(message(i), null, worker.signal)));
    expect(new Set(outcomes.map((o) => o.kind))).toEqual(new Set(['unauthorized']));
    expect(getEventListeners(worker.signal, 'abort')).toHaveLength(0);

    const silent = createCentralClient({ baseUrl: await silentServer(), requestTimeoutMs: 100, now: () => new Date('2026-11-20T10:00:00Z') });
    expect(await silent.send(message(1), null)).toEqual({ kind: 'retry', reason: 'no answer in time', outage: true });
    const stopping = new AbortController();
    const sending = silent.send(message(2), null, stopping.signal);
    stopping.abort();
    expect(await sending).toEqual({ kind: 'retry', reason: 'no answer in time', outage: true });
  });
});
