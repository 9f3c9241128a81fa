import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { deviceDatabaseName } from '../../../electron/core/store/open-device-store';
import { childExit } from '../../support/child-exit';
import { repoRoot, tempDir } from '../../support/paths';
import { startSim } from '../../support/sync-rig';

// Bundled once (two levels below the repo root, as paths.ts expects) so that each of the several child starts costs milliseconds, not a TypeScript compile.
const child = join(repoRoot, '.cache', 'crash-test', 'child.mjs');
beforeAll(async () => {
  await build({ entryPoints: [join(repoRoot, 'tests', 'support', 'crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
});

interface Run {
  committed: string[];
  exit: Promise<number | null>;
}

function runChild(mode: 'enqueue' | 'drain', dataDir: string, simUrl: string, code: string, killAfterMs?: number): Run {
  const proc = spawn(process.execPath, [child, mode, dataDir, simUrl, code], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let buffered = '';
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  proc.stdout.on('data', (c: Buffer) => {
    buffered += c.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const ref = /^committed (\S+)$/.exec(line)?.[1];
      if (!ref) continue;
      // Counted from the first commit, so a slow start on a busy machine still gets killed mid-work.
      if (committed.length === 0 && killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      committed.push(ref);
    }
  });
  const exit = childExit(proc, `child (${mode})`, { mustSucceed: mode === 'drain', stderr: () => stderr }).then(({ code }) => code);
  return { committed, exit };
}

describe('crash safety', () => {
  it('delivers every request committed before a SIGKILL exactly once, and nothing that was not committed', async () => {
    const sim = await startSim({ faults: { ackLossRate: 0.1, slowRate: 0.1, slowMs: 40, resetRate: 0.05 } });
    const dataDir = tempDir('crash');
    const printed: string[] = [];
    try {
      for (const killAfterMs of [150, 500, 300, 800]) {
        const run = runChild('enqueue', dataDir, sim.url, sim.issueEnrollmentCode(), killAfterMs);
        await run.exit;
        expect(run.committed.length).toBeGreaterThan(0);
        printed.push(...run.committed);
      }
      await runChild('drain', dataDir, sim.url, sim.issueEnrollmentCode()).exit;

      const db = new Database(join(dataDir, deviceDatabaseName), { readonly: true });
      const stored = (db.prepare('SELECT reference FROM voucher_requests').all() as { reference: string }[]).map((r) => r.reference);
      const pending = db.prepare(`SELECT count(*) AS n FROM outbox WHERE status != 'acked'`).get();
      db.close();

      const atCentral = sim.store.received().map((r) => r.reference);
      // Every reference a visitor could have seen was committed, and every committed one arrived once.
      expect(new Set(stored).size).toBe(stored.length);
      for (const ref of printed) expect(stored).toContain(ref);
      expect([...atCentral].sort()).toEqual([...stored].sort());
      expect(sim.stats().duplicatesStored).toBe(0);
      expect(pending).toEqual({ n: 0 });
    } finally {
      await sim.close();
    }
  }, 90_000);
});
