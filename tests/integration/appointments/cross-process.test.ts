import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/store/open-store';
import { agendaRepo } from '../../../electron/core/appointments/agenda-repo';
import { repoRoot, resourcesDir, tempDir } from '../../support/paths';
import { countRows } from '../../support/appointments-rig';
import { until } from '../../support/until';

// Bundled once, so each child starts in milliseconds instead of compiling TypeScript.
const child = join(repoRoot, '.cache', 'agenda-contention', 'child.mjs');
beforeAll(async () => {
  await build({ entryPoints: [join(repoRoot, 'tests', 'support', 'agenda-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
});

describe('the agenda under contention from several processes on one database file', () => {
  it('6 processes x 5 attempts on a slot with 3 places: exactly 3 booked, every other attempt "taken"', async () => {
    const dataDir = tempDir('agenda-processes');
    const file = join(dataDir, 'device.sqlite');
    // Created and migrated once before the processes open it.
    const setup = openStore(file);
    agendaRepo(setup.db).setCapacity('zwolle-centrum', 'monday', 'morning', 3);
    setup.close();
    const procs = Array.from({ length: 6 }, () =>
      spawn(process.execPath, [child, file, join(resourcesDir, 'content', 'sample', 'pack.json'), '2027-01-11T08:00:00.000Z', '2027-01-11T09:30:00.000Z', '5'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] }),
    );
    const outputs = procs.map((p) => {
      const out = { text: '', err: '' };
      p.stdout.on('data', (c: Buffer) => (out.text += c.toString()));
      p.stderr.on('data', (c: Buffer) => (out.err += c.toString()));
      return out;
    });
    const exits = procs.map((p) => new Promise<number | null>((resolve) => p.once('exit', resolve)));
    await until(() => outputs.every((o) => o.text.startsWith('ready')), 20_000, () => `every process ready (${outputs.map((o) => o.err).join(' ')})`);
    for (const p of procs) p.stdin.write('go\n');
    expect(await Promise.all(exits)).toEqual([0, 0, 0, 0, 0, 0]);
    const lines = outputs.flatMap((o) => o.text.split('\n').filter((l) => l && l !== 'ready'));
    expect(lines).toHaveLength(30);
    expect(lines.filter((l) => l === 'booked')).toHaveLength(3);
    expect(lines.filter((l) => l === 'taken')).toHaveLength(27);
    expect(countRows(dataDir, `SELECT count(*) FROM appointments WHERE start_at = ?`, '2027-01-11T09:30:00.000Z')).toBe(3);
  }, 60_000);
});
