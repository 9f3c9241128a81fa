import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { childExit } from '../../support/child-exit';
import { repoRoot, tempDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';

// Bundled once, two levels below the repo root as paths.ts expects, so a child starts in milliseconds.
const child = join(repoRoot, '.cache', 'ack-crash-test', 'child.mjs');
beforeAll(async () => {
  await build({ entryPoints: [join(repoRoot, 'tests', 'support', 'ack-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
});

const messages = 200;

function runChild(mode: 'kill' | 'drain', dataDir: string, simUrl: string, code: string): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  const proc = spawn(process.execPath, [child, mode, dataDir, simUrl, code, String(messages), '60'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return childExit(proc, `child (${mode})`, { mustSucceed: mode === 'drain', stderr: () => err }).then(({ signal }) => ({ signal, out }));
}

const outboxRows = (dataDir: string): { id: number; status: string; aggregate: string; reference: string }[] => {
  const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
  try {
    return db.prepare('SELECT id, status, aggregate_id AS aggregate, reference FROM outbox ORDER BY id').all() as { id: number; status: string; aggregate: string; reference: string }[];
  } finally {
    db.close();
  }
};

describe('acknowledgements committed in batches', () => {
  it('a crash after acknowledgements arrived and before their commit loses none and stores none twice at the API', async () => {
    const sim = await startSim();
    const dataDir = tempDir('ack-crash');
    try {
      const killed = await runChild('kill', dataDir, sim.url, sim.issueEnrollmentCode());
      expect(killed.signal).toBe('SIGKILL');
      const uncommitted = (/^uncommitted (\S+)$/m.exec(killed.out)?.[1] ?? '').split(',').map(Number);
      expect(uncommitted.length).toBeGreaterThanOrEqual(2);

      // The API has them, the device does not know: they are still waiting to be sent.
      const afterCrash = new Map(outboxRows(dataDir).map((r) => [r.id, r.status]));
      for (const id of uncommitted) expect(afterCrash.get(id)).toBe('pending');
      const acked = [...afterCrash.values()].filter((s) => s === 'acked').length;
      expect(acked).toBeGreaterThan(0);
      expect(sim.stats().distinctStored).toBeGreaterThanOrEqual(acked + uncommitted.length);
      const absorbedBefore = sim.stats().duplicatesAbsorbed;

      const drained = await runChild('drain', dataDir, sim.url, sim.issueEnrollmentCode());
      expect(drained.out).toContain('drained');
      expect(outboxRows(dataDir).every((r) => r.status === 'acked')).toBe(true);
      const stats = sim.stats();
      expect(stats.distinctStored).toBe(messages);
      expect(stats.storedTotal).toBe(messages);
      expect(stats.duplicatesStored).toBe(0);
      // Each resent one was answered from its key, not stored again.
      expect(stats.duplicatesAbsorbed - absorbedBefore).toBeGreaterThanOrEqual(uncommitted.length);

      // And still in order within each aggregate: the first of each pair arrived before the second.
      const arrival = new Map(sim.store.received().map((r) => [r.reference, r.seq]));
      const byAggregate = new Map<string, number[]>();
      for (const row of outboxRows(dataDir)) byAggregate.set(row.aggregate, [...(byAggregate.get(row.aggregate) ?? []), arrival.get(row.reference) ?? -1]);
      expect(byAggregate.size).toBe(messages / 2);
      for (const [first, second] of byAggregate.values()) expect(first).toBeLessThan(second ?? -1);
    } finally {
      await sim.close();
    }
  }, 90_000);
});
