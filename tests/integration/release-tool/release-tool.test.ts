import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolloutPosition } from '../../../electron/core/updates/rollout-ring';
import { parseReleaseFile } from '../../../shared/updates/release-file';
import { runRelease } from '../../../scripts/release-tool/release-verbs';
import { lockFileName, logFileName } from '../../../scripts/release-tool/update-folder';
import { repoRoot, resourcesDir } from '../../support/paths';
import { until } from '../../support/until';
import { channelYml, snapshot, updateFolder, writeInstaller } from '../../support/update-folder';

function release(dir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runRelease([...args, '--dir', dir], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date('2026-11-24T22:00:00.000Z'),
    defaultLocations: join(resourcesDir, 'content', 'source', 'locations.json'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const channel = (dir: string, file: string) => parseReleaseFile(readFileSync(join(dir, file), 'utf8'));
const shopsBelow = (ids: readonly string[], pct: number) => ids.filter((id) => rolloutPosition(id) < pct);

describe('npm run release', () => {
  it('status shows every channel with its version, staging and shops in the stage', () => {
    const { dir, locations } = updateFolder();
    const before = snapshot(dir);
    const { code, out } = release(dir, 'status');
    expect(code).toBe(0);
    const pilotShops = shopsBelow(locations.map((l) => l.id), 50).length;
    expect(out).toContain(`stable: 0.1.0 at 100 % (no staging line); ${locations.length} of ${locations.length} shops in the stage`);
    expect(out).toContain(`pilot: 0.2.0 at 50 %; ${pilotShops} of ${locations.length} shops in the stage`);
    expect(out).toContain('beta: 0.3.0-beta.1');
    expect(snapshot(dir)).toEqual(before);
  });

  it('promotes pilot to stable at 0 %, stages it to 25 % naming exactly the shops below 25, halts, and logs each step', () => {
    const { dir, locations } = updateFolder();
    const ids = locations.map((l) => l.id);
    const pilotBytes = readFileSync(join(dir, 'pilot.yml'), 'utf8');

    const promoted = release(dir, 'promote', '--from', 'pilot', '--to', 'stable');
    expect(promoted.code, promoted.err).toBe(0);
    expect(channel(dir, 'latest.yml')).toMatchObject({ version: '0.2.0', stagingPercentage: 0 });
    // Byte for byte the pilot file except its percentage: the installer, hashes and date travel unchanged.
    expect(readFileSync(join(dir, 'latest.yml'), 'utf8')).toBe(pilotBytes.replace('stagingPercentage: 50', 'stagingPercentage: 0'));
    expect(promoted.out).toContain('shops in the stage for 0.2.0: 0 -> 0');

    const staged = release(dir, 'stage', '--channel', 'stable', '--percent', '25');
    expect(staged.code, staged.err).toBe(0);
    expect(channel(dir, 'latest.yml').stagingPercentage).toBe(25);
    const expected = shopsBelow(ids, 25);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(ids.length - 3);
    const after = /after: {2}(.*)/.exec(staged.out)?.[1] ?? '';
    expect(after.split(', ').map((s) => s.replace(/ \(\d+\)$/, '')).sort()).toEqual([...expected].sort());
    for (const id of expected) expect(after).toContain(`${id} (${rolloutPosition(id)})`);
    expect(staged.out).toContain(`0 -> ${expected.length} of ${ids.length}`);

    const halted = release(dir, 'halt', '--channel', 'stable');
    expect(halted.code).toBe(0);
    expect(channel(dir, 'latest.yml')).toMatchObject({ version: '0.2.0', stagingPercentage: 0 });
    expect(halted.out).toContain('no longer starting (shops that updated keep 0.2.0)');

    const log = readFileSync(join(dir, logFileName), 'utf8').trim().split('\n');
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/^2026-11-24T22:00:00.000Z promote stable: 0.1.0 at 100 % \(no staging line\) -> 0.2.0 at 0 %/);
    expect(log[1]).toContain('stage stable: 0.2.0 at 0 % -> 0.2.0 at 25 %');
    expect(log[2]).toContain('halt stable: 0.2.0 at 25 % -> 0.2.0 at 0 %');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f === lockFileName)).toEqual([]);
  });

  const refusals: [string, (dir: string) => void, string[], RegExp][] = [
    ['a malformed yml', (dir) => writeFileSync(join(dir, 'beta.yml'), 'version: 0.3.0\nfiles: [oops]\n'), ['stage', '--channel', 'stable', '--percent', '25'], /beta\.yml: line 2: "files" must be a list/],
    ['a yml without sha512', (dir) => writeFileSync(join(dir, 'latest.yml'), readFileSync(join(dir, 'latest.yml'), 'utf8').replace(/ {4}sha512: .*\n/, '')), ['halt', '--channel', 'stable'], /latest\.yml: entry "Loopbaanwinkel-Kiosk-Setup-0\.1\.0\.exe" under "files" has no valid sha512/],
    ['a bad version', (dir) => writeFileSync(join(dir, 'latest.yml'), readFileSync(join(dir, 'latest.yml'), 'utf8').replace('version: 0.1.0', 'version: one')), ['status'], /latest\.yml: version "one" is not a version/],
    ['a missing installer', (dir) => writeFileSync(join(dir, 'pilot.yml'), channelYml('0.2.0', 'Loopbaanwinkel-Kiosk-Setup-9.9.9.exe', Buffer.from('x'))), ['promote', '--from', 'pilot', '--to', 'stable'], /pilot\.yml: the installer "Loopbaanwinkel-Kiosk-Setup-9\.9\.9\.exe" it names is not in the folder/],
    ['an installer that does not match its sha512', (dir) => writeFileSync(join(dir, 'Loopbaanwinkel-Kiosk-Setup-0.2.0.exe'), Buffer.from('installer 0.2.0 '.repeat(200).replace('0.2.0', '0.2.1'))), ['promote', '--from', 'pilot', '--to', 'stable'], /pilot\.yml: the sha512 of "Loopbaanwinkel-Kiosk-Setup-0\.2\.0\.exe" does not match/],
    ['a missing blockmap', (dir) => unlinkSync(join(dir, 'Loopbaanwinkel-Kiosk-Setup-0.2.0.exe.blockmap')), ['promote', '--from', 'pilot', '--to', 'stable'], /pilot\.yml: "Loopbaanwinkel-Kiosk-Setup-0\.2\.0\.exe\.blockmap" is missing/],
    ['a lower version', (dir) => {
      const old = writeInstaller(dir, '0.0.9');
      writeFileSync(join(dir, 'pilot.yml'), channelYml('0.0.9', old.name, old.bytes));
    }, ['promote', '--from', 'pilot', '--to', 'stable'], /stable: it has 0\.1\.0, promoting 0\.0\.9 would lower it \(pass --allow-downgrade/],
    ['a percentage out of range', () => undefined, ['stage', '--channel', 'stable', '--percent', '250'], /--percent expects a whole number from 0 to 100, got "250"/],
    ['the same channel twice', () => undefined, ['promote', '--from', 'pilot', '--to', 'pilot'], /--from and --to name the same channel/],
    ['a channel without a release', (dir) => unlinkSync(join(dir, 'beta.yml')), ['stage', '--channel', 'beta', '--percent', '10'], /beta: there is no release on this channel/],
    ['a broken location list', (dir) => writeFileSync(join(dir, 'locations.json'), '{"id":'), ['stage', '--channel', 'stable', '--percent', '10'], /locations\.json: not a readable JSON location list/],
  ];

  it.each(refusals)('refuses %s, naming the file and the reason, and leaves the folder byte-identical', (_what, spoil, args, message) => {
    const { dir } = updateFolder();
    spoil(dir);
    const before = snapshot(dir);
    const { code, err } = release(dir, ...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    expect(err).toContain('Nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('lowers a version only with --allow-downgrade', () => {
    const { dir } = updateFolder();
    const old = writeInstaller(dir, '0.0.9');
    writeFileSync(join(dir, 'pilot.yml'), channelYml('0.0.9', old.name, old.bytes));
    expect(release(dir, 'promote', '--from', 'pilot', '--to', 'stable', '--allow-downgrade', '--percent', '10').code).toBe(0);
    expect(channel(dir, 'latest.yml')).toMatchObject({ version: '0.0.9', stagingPercentage: 10 });
  });

  it('refuses while another tool holds the lock, and takes over a lock its dead owner left', async () => {
    const { dir } = updateFolder();
    writeFileSync(join(dir, lockFileName), `${process.pid}\n`);
    const before = snapshot(dir);
    const held = release(dir, 'stage', '--channel', 'stable', '--percent', '10');
    expect(held.code).toBe(1);
    expect(held.err).toContain(`another release tool (process ${process.pid}) is working on this folder`);
    expect(snapshot(dir)).toEqual(before);

    const gone = spawn(process.execPath, ['-e', '0']);
    const deadPid = gone.pid;
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dir, lockFileName), `${deadPid}\n`);
    expect(release(dir, 'stage', '--channel', 'stable', '--percent', '10').code).toBe(0);
    expect(readdirSync(dir)).not.toContain(lockFileName);
  });

  it('with six tools at once: every run finishes or is refused for the lock, and a reader never sees half a file', async () => {
    const { dir } = updateFolder();
    const percents = ['5', '15', '25', '35', '45', '55'];
    const runs = percents.map((pct) => {
      const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/release.ts', 'stage', '--channel', 'stable', '--percent', pct, '--dir', dir], { cwd: repoRoot });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      return new Promise<{ code: number | null; err: string }>((resolve) => child.once('exit', (code) => resolve({ code, err })));
    });
    const results: { code: number | null; err: string }[] = [];
    void Promise.all(runs).then((r) => results.push(...r));
    let reads = 0;
    await until(
      () => {
        const release = channel(dir, 'latest.yml');
        expect(release.version).toBe('0.1.0');
        reads++;
        return results.length === percents.length;
      },
      90_000,
      'six release tools finished',
    );
    expect(reads).toBeGreaterThan(0);
    const done = results.filter((r) => r.code === 0);
    for (const refused of results.filter((r) => r.code !== 0)) {
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('another release tool');
    }
    expect(done.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, logFileName), 'utf8').trim().split('\n')).toHaveLength(done.length);
    expect(percents.map(Number)).toContain(channel(dir, 'latest.yml').stagingPercentage);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f === lockFileName)).toEqual([]);
  }, 120_000);
});
