import { describe, expect, it } from 'vitest';
import { readSyncStatus } from '../../../electron/core/sync/sync-status';
import { manualClock } from '../../support/manual-clock';
import { device, startSim, submissionBody } from '../../support/sync-rig';
import { until } from '../../support/until';

describe('sync worker against the simulator over real HTTP', () => {
  it('delivers 1,000 requests exactly once, in order per aggregate, through 30% injected faults of every kind', async () => {
    const sim = await startSim({
      faults: { serverErrorRate: 0.06, timeoutRate: 0.04, resetRate: 0.05, ackLossRate: 0.06, retryAfterRate: 0.04, retryAfterSeconds: 0, slowRate: 0.05, slowMs: 30, holdMs: 400 },
    });
    const d = device(sim, { requestTimeoutMs: 300, circuitThreshold: 25 });
    const order = new Map<string, string[]>();
    for (let i = 0; i < 1000; i++) {
      const aggregate = `agg-${i % 100}`;
      const ref = d.enqueue(i, aggregate);
      order.set(aggregate, [...(order.get(aggregate) ?? []), ref]);
    }
    d.worker.start();
    await d.waitUntilDrained(90_000);
    await d.close();

    const stats = sim.stats();
    expect(stats.distinctStored).toBe(1000);
    expect(stats.storedTotal).toBe(1000);
    expect(stats.duplicatesStored).toBe(0);
    for (const kind of ['server-error', 'timeout', 'reset', 'ack-loss', 'retry-after', 'slow'] as const) expect(stats.faults[kind]).toBeGreaterThan(0);
    expect(stats.duplicatesAbsorbed).toBeGreaterThan(0);

    const arrival = new Map(sim.store.received().map((r) => [r.reference, r.seq]));
    for (const refs of order.values()) {
      const seqs = refs.map((r) => arrival.get(r) ?? -1);
      expect(seqs.every((s) => s > 0)).toBe(true);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    }
    await sim.close();
  }, 120_000);

  it('moves a request the API refuses (4xx) to needs attention with the API’s reason, and holds back that aggregate', async () => {
    const sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
    const d = device(sim);
    const bad = submissionBody(1);
    d.store.db.transaction(() => d.outbox.enqueue({ aggregateType: 'test-aggregate', aggregateId: 'a', kind: 'voucher-request.submit', reference: bad.reference, body: { ...bad, contact: { ...bad.contact, email: 'bezoeker@bounces.example' } } }, d.clock.now()))();
    d.enqueue(2, 'a');
    const other = d.enqueue(3, 'b');
    d.worker.start();
    // Wait for the device to have recorded the acknowledgement, not only for the simulator to
    // have stored the request: under load the two are a moment apart.
    await until(() => d.outbox.needsAttention().length === 1 && d.outbox.counts().acked === 1);
    const [item] = d.outbox.needsAttention();
    expect(item).toMatchObject({ reference: bad.reference, kind: 'voucher-request.submit' });
    expect(item?.reason).toMatch(/^422 The e-mail address cannot receive mail/);
    expect(sim.store.received().map((r) => r.reference)).toEqual([other]);
    expect(d.outbox.counts().pending).toBe(1);
    await d.close();
    await sim.close();
  });

  it('re-enrolls once when the API revokes the token, then carries on', async () => {
    const sim = await startSim();
    const d = device(sim);
    d.enqueue(1, 'a');
    d.worker.start();
    await d.waitUntilDrained();
    sim.store.revokeAllTokens();
    d.enqueue(2, 'a');
    d.worker.nudge();
    await d.waitUntilDrained();
    expect(sim.stats().distinctStored).toBe(2);
    expect(sim.store.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 2 });
    await d.close();
    await sim.close();
  });

  it('waits at least as long as Retry-After says, even when a heartbeat that got through wakes it', async () => {
    const sim = await startSim({ faults: { retryAfterRate: 1, retryAfterSeconds: 1 } });
    // The worker's clock stands still while the real request runs, so the answer's Retry-After is
    // measured from one known instant, and only moving the clock can let the worker send again.
    const clock = manualClock(new Date('2026-11-24T09:00:00.000Z'));
    const d = device(sim, { clock, random: () => 0 });
    d.enqueue(1, 'a');
    d.worker.start();
    await until(() => sim.stats().faults['retry-after'] === 1 && d.worker.progress.inFlight() === 0, 5000, 'the retry planned');
    sim.setFaults({});
    d.worker.reachable();
    const retryAt = new Date(clock.now().getTime() + 1000).toISOString();
    expect(readSyncStatus(d.outbox, d.worker.progress, clock.now()).nextAttemptAt).toBe(retryAt);
    // A dispatch marks the row in flight at once: none a millisecond before Retry-After ends.
    clock.advance(999);
    expect(d.worker.progress.inFlight()).toBe(0);
    clock.advance(1);
    expect(d.worker.progress.inFlight()).toBe(1);
    await d.waitUntilDrained();
    expect(sim.stats().distinctStored).toBe(1);
    await d.close();
    await sim.close();
  });

  it('stops hammering a dead API, probes its health, and sends at once when it is back', async () => {
    const sim = await startSim({ faults: { down: true } });
    const d = device(sim, { circuitThreshold: 3, probeBaseMs: 50, capDelayMs: 200 });
    for (let i = 0; i < 20; i++) d.enqueue(i, `agg-${i}`);
    d.worker.start();
    // Requests already in flight when the circuit opens still fail after it opened; count from
    // the moment they have all returned, so only what the open circuit sends is measured.
    await until(() => d.worker.circuitOpen && d.worker.progress.inFlight() === 0);
    const whileOpen = sim.stats();
    // Evidence that the worker kept trying: three more connections reached the dead API.
    await until(() => sim.stats().faults.down - whileOpen.faults.down >= 3, 5000, 'probes at the dead API');
    // Only health probes reach a dead API once the circuit is open: no row is sent again.
    expect(sim.stats().requestsReceived).toBe(whileOpen.requestsReceived);
    sim.setFaults({});
    await d.waitUntilDrained(5000);
    expect(sim.stats().distinctStored).toBe(20);
    await d.close();
    await sim.close();
  });
});

describe('after an outage', () => {
  it('resumes with one request in flight and doubles with each answer, so a returning fleet does not meet the API at full concurrency', async () => {
    const sim = await startSim({ faults: { down: true } });
    const d = device(sim, { maxInFlight: 8, circuitThreshold: 3, probeBaseMs: 50, capDelayMs: 200 });
    for (let i = 0; i < 30; i++) d.enqueue(i, `agg-${i}`);
    d.worker.start();
    await until(() => d.worker.circuitOpen && d.worker.progress.inFlight() === 0);
    // The API comes back slow: while the first request is being answered, nothing else is sent.
    sim.setFaults({ slowRate: 1, slowMs: 1500 });
    sim.resetStats();
    await until(() => sim.stats().requestsReceived >= 1);
    expect(sim.stats().peakConcurrent).toBe(1);
    expect(d.worker.progress.inFlight()).toBe(1);
    sim.setFaults({ slowRate: 1, slowMs: 50 });
    await d.waitUntilDrained(10_000);
    expect(sim.stats().distinctStored).toBe(30);
    // Once answers come back it opens up again: requests overlap at the API.
    expect(sim.stats().peakConcurrent).toBeGreaterThan(2);
    await d.close();
    await sim.close();
  });

  it('commits an acknowledgement within its short wait while another request hangs, not when that one answers', async () => {
    const sim = await startSim({ faults: { slowRate: 1, slowMs: 5000 } });
    const d = device(sim, { maxInFlight: 4 });
    try {
      d.enqueue(0, 'agg-slow');
      d.worker.start();
      // The enrollment, then the slow one.
      await until(() => sim.stats().requestsReceived >= 2);
      sim.setFaults({});
      d.enqueue(1, 'agg-fast');
      d.worker.nudge();
      // Far less than the slow answer's 5 s: the fast one's row is recorded while the slow one is still out.
      await until(() => d.outbox.pendingCount() === 1, 2500, 'the fast acknowledgement committed');
      expect(sim.stats().distinctStored).toBe(1);
      expect(d.worker.progress.inFlight()).toBe(1);
    } finally {
      await d.close();
      await sim.close();
    }
  });

  it('never sends a row read ahead that an erasure withdrew while it waited for a free slot', async () => {
    // One in flight and every answer slow: the other nine rows sit read ahead while the first is out.
    const sim = await startSim({ faults: { slowRate: 1, slowMs: 300 } });
    const d = device(sim, { maxInFlight: 1 });
    const refs = Array.from({ length: 10 }, (_, i) => d.enqueue(i, `agg-${i}`));
    d.worker.start();
    await until(() => d.worker.progress.inFlight() === 1, 10_000, 'the first request in flight');
    expect(d.store.db.transaction(() => d.outbox.withdrawUnsent('agg-4'))()).toBe(1);
    await d.waitUntilDrained(30_000);
    const received = new Set(sim.store.received().map((r) => r.reference));
    expect(received.has(refs[4] ?? '')).toBe(false);
    expect(refs.filter((r) => received.has(r))).toHaveLength(9);
    await d.close();
    await sim.close();
  }, 60_000);
});

