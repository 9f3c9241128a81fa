import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { createOutbox } from '../../../electron/core/outbox/outbox';
import { deviceDatabaseName, openDeviceStore } from '../../../electron/core/store/open-device-store';
import { Heartbeat, problemTypes } from '../../../shared/central-api/devices';
import type { SyncStatus } from '../../../shared/contract/sync-channels';
import { startCounterCore } from '../../support/counter-core';
import { startSim } from '../../support/sync-rig';
import { until } from '../../support/until';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
let core: Core | undefined;
let sim: RunningSim | undefined;

afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = undefined;
});

async function counterAgainst(running: RunningSim, now?: () => Date) {
  const started = startCounterCore({ sim: running, now });
  core = started.core;
  const { call } = started;
  await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  const status = async () => (await call('sync.status', {})) as unknown as SyncStatus;
  return { ...started, status };
}

const refusedVisitor = (n: number) => {
  const input = voucherInput(n);
  return { ...input, contact: { ...input.contact, email: `bezoeker${n}@bounces.example` } };
};


/** A counter against a simulator that refuses one e-mail domain, with what the central API holds per reference and the raw outbox. */
async function refusingCounter(now?: () => Date) {
  sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
  const central = sim;
  const started = await counterAgainst(central, now);
  /** What the central API holds for one reference, in the order it arrived. */
  const arrived = (reference: string) => central.store.received().filter((r) => r.reference === reference).map((r) => r.kind);
  const outboxRows = () => {
    const db = new Database(join(started.dataDir, deviceDatabaseName), { readonly: true });
    try {
      return db.prepare('SELECT id, kind, status, closed_note AS note FROM outbox ORDER BY id').all() as Array<{ id: number; kind: string; status: string; note: string | null }>;
    } finally {
      db.close();
    }
  };
  /** Holds once the outbox has nothing waiting or in flight. */
  const drained = async () => {
    const s = await started.status();
    return s.queued === 0 && s.inFlight === 0;
  };
  return { ...started, arrived, outboxRows, drained, sim: central };
}

describe('"needs attention" at the desk, against the central-API simulator', () => {
  it('staff correct a refused request and resend it: a new message with a new key is accepted, the refused one is closed, both audited', async () => {
    sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
    const { call, dispatch, status, dataDir } = await counterAgainst(sim);
    const reference = (await call('voucher.start', refusedVisitor(3))).reference as string;

    await until(async () => (await status()).needsAttention.length > 0);
    const [item] = (await status()).needsAttention;
    expect(item).toMatchObject({ kind: 'voucher-request.submit', reference, reason: expect.stringContaining('cannot receive mail'), problemType: problemTypes.invalidBody });
    expect(sim.store.findReceived('voucher-request', reference)).toBeUndefined();

    // An invalid correction is refused by the core before anything changes.
    const bad = await dispatch('attention.resend', { outboxId: item?.id, contact: { name: 'Testbezoeker Nummer3', email: 'geen-adres' } }, t);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const resent = await call('attention.resend', { outboxId: item?.id, contact: { name: 'Testbezoeker Nummer3', email: 'bezoeker3@voorbeeld.nl' } });
    expect(resent.outboxId).not.toBe(item?.id);
    await until(() => sim?.store.findReceived('voucher-request', reference) !== undefined);
    await until(async () => {
      const s = await status();
      return s.queued + s.inFlight === 0;
    }, 10_000, 'the resent message acknowledged');
    expect((await status()).needsAttention).toEqual([]);
    expect(sim.store.received().filter((r) => r.reference === reference)).toHaveLength(1);
    expect(await call('request.find', { reference })).toMatchObject({ status: 'started', contact: { email: 'bezoeker3@voorbeeld.nl' } });

    // Acting twice on the same refusal is refused: it was already dealt with.
    expect(await dispatch('attention.cancel', { outboxId: item?.id, reason: 'dubbel' }, t)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    const rows = db.prepare('SELECT id, idempotency_key AS key, status, payload, closed_note AS note FROM outbox ORDER BY id').all() as Array<{ id: number; key: string; status: string; payload: string | null; note: string | null }>;
    const trail = (db.prepare('SELECT action, detail FROM audit ORDER BY id').all() as Array<{ action: string; detail: string | null }>);
    db.close();
    expect(rows.map((r) => r.status)).toEqual(['closed', 'acked']);
    expect(rows[0]?.key).not.toBe(rows[1]?.key);
    expect(rows[0]?.payload).toBeNull();
    expect(rows[0]?.note).toContain(`message ${resent.outboxId}`);
    const resentAudit = trail.find((a) => a.action === 'voucher-request.resent');
    expect(resentAudit?.detail).toContain('"by"');
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['outbox.needs-attention', 'outbox.closed', 'voucher-request.resent']));
    expect(trail.map((a) => a.detail ?? '').join('\n')).not.toContain('voorbeeld.nl');
  });

  it('staff cancel a refused request with a reason: nothing is sent, the request is cancelled, the action audited', async () => {
    sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
    const { call, status, dataDir } = await counterAgainst(sim);
    const reference = (await call('voucher.start', refusedVisitor(4))).reference as string;
    await until(async () => (await status()).needsAttention.length > 0);
    const [item] = (await status()).needsAttention;
    expect(await call('attention.cancel', { outboxId: item?.id, reason: 'bezoeker trekt aanvraag in' })).toEqual({ reference });
    expect((await status()).needsAttention).toEqual([]);
    expect(await call('request.find', { reference })).toMatchObject({ status: 'cancelled', cancelReason: 'bezoeker trekt aanvraag in' });
    expect(sim.store.findReceived('voucher-request', reference)).toBeUndefined();
    const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
    expect(db.prepare(`SELECT status FROM outbox`).all()).toEqual([{ status: 'closed' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM audit WHERE action = 'outbox.cancelled'`).get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('a refused request that staff complete, then correct and resend', () => {
  it('reaches the central API as request then completion, once each; nothing is left in needs attention', async () => {
    const { call, status, arrived, outboxRows, drained, sim: central } = await refusingCounter();
    const reference = (await call('voucher.start', refusedVisitor(3))).reference as string;
    await until(async () => (await status()).needsAttention.length === 1);

    // The visitor is at the desk: staff check the identity document and complete the request first.
    await call('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' });
    // Evidence that the worker ran passes after the completion was queued: another visitor's
    // request gets through. The completion must still wait, not go ahead and be refused (404).
    const other = (await call('voucher.start', voucherInput(4))).reference as string;
    await until(() => arrived(other).length === 1);
    await until(async () => {
      const s = await status();
      return s.queued === 1 && s.inFlight === 0;
    });
    expect((await status()).needsAttention).toMatchObject([{ kind: 'voucher-request.submit', reference }]);
    expect(arrived(reference)).toEqual([]);

    const [refused] = (await status()).needsAttention;
    await call('attention.resend', { outboxId: refused?.id, contact: { name: 'Testbezoeker Nummer3', email: 'bezoeker3@voorbeeld.nl' } });

    await until(() => arrived(reference).length === 2);
    await until(drained);
    expect(arrived(reference)).toEqual(['voucher-request', 'voucher-request-completion']);
    const final = await status();
    expect(final.needsAttention).toEqual([]);
    expect(final.oldestPendingAgeSeconds).toBeNull();
    expect(await call('request.find', { reference })).toMatchObject({ status: 'completed', contact: { email: 'bezoeker3@voorbeeld.nl' } });
    expect(central.stats().duplicatesStored).toBe(0);

    // The refused request and the completion that waited behind it are closed; the other visitor's
    // request, the corrected one and the re-issued completion were delivered.
    const rows = outboxRows();
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['voucher-request.submit', 'closed'],
      ['voucher-request.complete', 'closed'],
      ['voucher-request.submit', 'acked'],
      ['voucher-request.submit', 'acked'],
      ['voucher-request.complete', 'acked'],
    ]);
    expect(rows[1]?.note).toMatch(/^re-issued as message \d+ after the corrected message \d+$/);
  });

  it('a cancel takes the waiting completion with it: nothing of the request is sent and the desk shows it cancelled', async () => {
    const { call, status, arrived, outboxRows, drained } = await refusingCounter();
    const reference = (await call('voucher.start', refusedVisitor(5))).reference as string;
    await until(async () => (await status()).needsAttention.length === 1);
    await call('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' });
    const [refused] = (await status()).needsAttention;
    await call('attention.cancel', { outboxId: refused?.id, reason: 'bezoeker trekt aanvraag in' });

    // Evidence that the worker had its chance: a later request goes through.
    const other = (await call('voucher.start', voucherInput(6))).reference as string;
    await until(() => arrived(other).length === 1);
    await until(drained);
    expect((await status()).needsAttention).toEqual([]);
    expect(arrived(reference)).toEqual([]);
    expect(await call('request.find', { reference })).toMatchObject({ status: 'cancelled' });
    expect(outboxRows().slice(0, 2).map((r) => r.status)).toEqual(['closed', 'closed']);
  });
});

describe('an outbox written before the fix (the completion older than the resent request)', () => {
  it('sends the request before the completion although the completion has the lower id', async () => {
    // Both runs and the rows written in between share one clock, so the rows are due for the second run.
    const at = new Date('2026-11-24T09:00:00.000Z');
    const { call, status, arrived, dataDir, sim: central } = await refusingCounter(() => at);
    const reference = (await call('voucher.start', refusedVisitor(7))).reference as string;
    await until(async () => (await status()).needsAttention.length === 1);
    await call('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' });
    const [refused] = (await status()).needsAttention;
    await core?.close();
    core = undefined;

    // What the previous version's resend left: the refused row closed and the corrected request
    // queued after the completion, nothing re-issued.
    const store = openDeviceStore(dataDir, createFileKeyProvider(join(dataDir, 'field-key')));
    const outbox = createOutbox(store.db, store.cipher);
    const waiting = outbox.needingAttention(refused?.id ?? 0);
    if (!waiting?.payload.ok) throw new Error('the refused row should be readable');
    const body = { ...(waiting.payload.body as Record<string, unknown>), contact: { name: 'Testbezoeker Nummer7', email: 'bezoeker7@voorbeeld.nl' } };
    store.db.transaction(() => {
      outbox.enqueue({ aggregateType: waiting.aggregateType, aggregateId: waiting.aggregateId, kind: 'voucher-request.submit', reference, body }, at);
      outbox.close(waiting.id, 'edited by staff and resent', at);
    })();
    const order = (store.db.prepare(`SELECT kind FROM outbox WHERE status = 'pending' ORDER BY id`).all() as { kind: string }[]).map((r) => r.kind);
    store.close();
    expect(order).toEqual(['voucher-request.complete', 'voucher-request.submit']);

    core = startCounterCore({ sim: central, dataDir, now: () => at }).core;
    await until(() => arrived(reference).length === 2);
    expect(arrived(reference)).toEqual(['voucher-request', 'voucher-request-completion']);
  });
});

describe('the age of the oldest pending message, by the injected clock', () => {
  it('is in sync.status and in the device heartbeat the central API receives', async () => {
    // Amsterdam mid-morning, far from the wall clock: the age can only come from this clock.
    let clock = new Date('2026-03-10T09:15:00.000Z');
    const { call, status, core: counter, sim: central } = await refusingCounter(() => clock);
    expect((await status()).oldestPendingAgeSeconds).toBeNull();

    // A completion that must wait behind its refused request: pending, and it stays so.
    const reference = (await call('voucher.start', refusedVisitor(8))).reference as string;
    await until(async () => (await status()).needsAttention.length === 1);
    await call('request.complete', { reference, identityDocument: 'passport', bsn: '111222333' });
    clock = new Date(clock.getTime() + 125_400);

    expect(await status()).toMatchObject({ queued: 1, oldestPendingAgeSeconds: 125 });
    expect(await counter.heartbeat?.sendNow()).toBe('sent');
    const beats = (central.store.db.prepare('SELECT body FROM heartbeats ORDER BY rowid').all() as { body: string }[]).map((r) => Heartbeat.parse(JSON.parse(r.body)));
    expect(beats.at(-1)).toMatchObject({ queueDepth: 1, needsAttention: 1, oldestPendingAgeSeconds: 125, health: 'degraded' });
  });
});
