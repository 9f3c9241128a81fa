import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import type { Core } from '../../../electron/core/app-core';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import type { SyncStatus } from '../../../shared/contract/sync-channels';
import { startCounterCore } from '../../support/counter-core';
import { startSim } from '../../support/sync-rig';
import { voucherInput } from '../../support/voucher-input';

const t = { transport: 'test', client: 'test' } as const;
let core: Core | undefined;
let sim: RunningSim | undefined;

afterEach(async () => {
  await core?.close();
  await sim?.close();
  core = sim = undefined;
});

async function counterAgainst(running: RunningSim) {
  const started = startCounterCore({ sim: running });
  core = started.core;
  const { call } = started;
  await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
  const status = async () => (await call('sync.status', {})) as unknown as SyncStatus;
  return { ...started, status };
}

async function until<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const refusedVisitor = (n: number) => {
  const input = voucherInput(n);
  return { ...input, contact: { ...input.contact, email: `bezoeker${n}@bounces.example` } };
};

describe('"needs attention" at the desk, against the central-API simulator', () => {
  it('staff correct a refused request and resend it: a new message with a new key is accepted, the refused one is closed, both audited', async () => {
    sim = await startSim({ faults: { refuseEmailDomain: 'bounces.example' } });
    const { call, dispatch, status, dataDir } = await counterAgainst(sim);
    const reference = (await call('voucher.start', refusedVisitor(3))).reference as string;

    const [item] = await until(async () => {
      const s = await status();
      return s.needsAttention.length ? s.needsAttention : undefined;
    });
    expect(item).toMatchObject({ kind: 'voucher-request.submit', reference, reason: expect.stringContaining('cannot receive mail') });
    expect(sim.store.findReceived('voucher-request', reference)).toBeUndefined();

    // An invalid correction is refused by the core before anything changes.
    const bad = await dispatch('attention.resend', { outboxId: item?.id, contact: { name: 'Testbezoeker Nummer3', email: 'geen-adres' } }, t);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const resent = await call('attention.resend', { outboxId: item?.id, contact: { name: 'Testbezoeker Nummer3', email: 'bezoeker3@voorbeeld.nl' } });
    expect(resent.outboxId).not.toBe(item?.id);
    await until(async () => (sim?.store.findReceived('voucher-request', reference) ? true : undefined));
    await until(async () => ((await status()).queued === 0 ? true : undefined));
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
    const [item] = await until(async () => {
      const s = await status();
      return s.needsAttention.length ? s.needsAttention : undefined;
    });
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
