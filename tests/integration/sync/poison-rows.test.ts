import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../../electron/central-sim/sim-server';
import { createFieldCipher } from '../../../electron/core/crypto/field-cipher';
import { createAttentionActions } from '../../../electron/core/desk/attention-actions';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { createLogger } from '../../../electron/core/log/logger';
import { sealContext } from '../../../electron/core/outbox/outbox-payload';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { readSyncStatus } from '../../../electron/core/sync/sync-status';
import { tempDir } from '../../support/paths';
import { device, startSim, type Device } from '../../support/sync-rig';
import { until } from '../../support/until';

let sim: RunningSim | undefined;
let open: Device | undefined;
afterEach(async () => {
  await open?.close();
  await sim?.close();
  open = sim = undefined;
});

type Damage = (file: string, row: { key: string; payload: string }, dataDir: string) => void;

/** Rewrites one row's payload with SQL, sealed with `key` (the device's own, unless the test says otherwise). */
const resealed = (plaintext: string, key?: Buffer): Damage => (file, row, dataDir) => {
  const cipher = createFieldCipher(key ?? createFileKeyProvider(join(dataDir, 'field-key')).loadKey());
  const db = new Database(file);
  db.prepare('UPDATE outbox SET payload = ? WHERE idempotency_key = ?').run(cipher.seal(plaintext, sealContext(row.key)), row.key);
  db.close();
};

const damages: Array<{ what: string; damage: Damage; reason: RegExp }> = [
  {
    what: 'bytes damaged on disk',
    // One character in the middle of the sealed value, written straight into the closed file: SQLite
    // has no checksum for it, only the cipher's tag can tell.
    damage: (file, row) => {
      const bytes = readFileSync(file);
      const at = bytes.indexOf(row.payload) + Math.floor(row.payload.length / 2);
      expect(at).toBeGreaterThan(row.payload.length / 2);
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      writeFileSync(file, bytes);
    },
    reason: /do not open with this device's key/,
  },
  { what: 'a key mismatch', damage: resealed('{"reference":"ABCD-EFGH"}', randomBytes(32)), reason: /do not open with this device's key/ },
  { what: 'invalid JSON', damage: resealed('{"reference": "ABCD-'), reason: /damaged \(not a readable message\)/ },
  { what: 'a body that no longer matches its schema', damage: resealed('{"reference":"ABCD-EFGH","trajectory":"astrology"}'), reason: /no longer match what the central API accepts \(.*trajectory/ },
];

describe('one unreadable outbox row among 20, in a real SQLite file, against the simulator', () => {
  it.each(damages)('$what: the row is quarantined with its reason, the other 19 arrive, the log says it once', async ({ damage, reason }) => {
    sim = await startSim();
    const dataDir = tempDir('poison');
    const writer = device(sim, { dataDir });
    const references = Array.from({ length: 20 }, (_, i) => writer.enqueue(i, `agg-${i}`));
    await writer.close();

    const file = join(dataDir, deviceDatabaseName);
    const reader = new Database(file, { readonly: true });
    const victim = reader.prepare('SELECT idempotency_key AS key, payload, reference FROM outbox WHERE id = 7').get() as { key: string; payload: string; reference: string };
    reader.close();
    damage(file, victim, dataDir);

    const lines: string[] = [];
    const d = device(sim, { dataDir, logger: createLogger((line) => lines.push(line)) });
    open = d;
    d.worker.start();
    await until(() => sim?.stats().distinctStored === 19 && d.outbox.pendingCount() === 0, 15_000, '19 delivered, nothing pending');

    expect(sim.store.received().map((r) => r.reference).sort()).toEqual(references.filter((r) => r !== victim.reference).sort());
    const status = readSyncStatus(d.outbox, d.worker.progress, d.clock.now());
    expect(status).toMatchObject({ queued: 0, inFlight: 0, oldestPendingAgeSeconds: null });
    expect(status.needsAttention).toEqual([{ id: 7, kind: 'voucher-request.submit', reference: victim.reference, reason: expect.stringMatching(reason) as unknown as string, problemType: null, at: expect.any(String) as unknown as string }]);
    expect(status.needsAttention[0]?.reason).toMatch(/cancel it and take its reference up again at the desk/);

    // Evidence that the worker kept making passes after the quarantine: a new row gets through.
    const later = d.enqueue(99, 'agg-later');
    d.worker.nudge();
    await until(() => sim?.store.findReceived('voucher-request', later) !== undefined, 10_000, 'a later row delivered');
    const said = lines.filter((l) => l.includes('cannot be read'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(victim.reference);
    expect(lines.filter((l) => l.includes('could not read the outbox'))).toEqual([]);

    // What the reason tells staff to do works: resending is refused with why, cancelling closes it.
    const actions = createAttentionActions({ db: d.store.db, cipher: d.store.cipher, outbox: d.outbox, now: () => d.clock.now() });
    expect(() => actions.resend(7, { name: 'Testbezoeker', email: 'bezoeker@voorbeeld.nl' }, 'staff-1')).toThrow(/cannot be read on this device/);
    expect(actions.cancel(7, 'onleesbaar bericht', 'staff-1')).toEqual({ reference: victim.reference });
    expect(d.outbox.needsAttention()).toEqual([]);
  });
});
