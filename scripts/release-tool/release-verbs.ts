import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UpdateChannel } from '../../shared/updates/update-channel';
import { compareVersions, type ReleaseFile } from '../../shared/updates/release-file';
import { appendLog, readChannel, readLocations, Refused, shopsInStage, takeLock, writeChannel, type Shop } from './update-folder';

export interface ReleaseIo {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
  /** The location list when neither --locations nor <dir>/locations.json is there. */
  defaultLocations: string;
}

export const usage = `npm run release -- <verb> [--dir FOLDER] [--locations FILE]
  status                                   every channel: version, staging percentage, shops in the stage
  stage   --channel C --percent N          set C's stagingPercentage to N (0-100)
  promote --from C1 --to C2 [--percent N]  publish C1's release on C2, staged at N % (default 0: no shop yet)
  halt    --channel C                      stagingPercentage 0: no further shop starts; updated shops keep it
Options: --allow-downgrade (let promote lower a channel's version), --dir (default: the current folder).`;

const label = (release: ReleaseFile | null): string =>
  release ? `${release.version} at ${release.stagingPercentage === null ? '100 % (no staging line)' : `${release.stagingPercentage} %`}` : 'no release';

const shopList = (shops: readonly Shop[]): string => (shops.length === 0 ? '(none)' : shops.map((s) => `${s.id} (${s.position})`).join(', '));

function channelOption(value: string | undefined, option: string): UpdateChannel {
  const parsed = UpdateChannel.safeParse(value);
  if (!parsed.success) throw new Refused(`--${option} expects one of ${UpdateChannel.options.join(', ')}, got "${value ?? ''}"`);
  return parsed.data;
}

function percentOption(value: string | undefined, fallback: number | null): number {
  if (value === undefined && fallback !== null) return fallback;
  if (value === undefined || !/^\d{1,3}$/.test(value) || Number(value) > 100) throw new Refused(`--percent expects a whole number from 0 to 100, got "${value ?? ''}"`);
  return Number(value);
}

/** Runs one verb; the exit code: 0 done, 1 refused (folder unchanged), 2 usage. */
export function runRelease(argv: readonly string[], io: ReleaseIo): number {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        dir: { type: 'string', default: '.' },
        locations: { type: 'string' },
        channel: { type: 'string' },
        percent: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'allow-downgrade': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    return 2;
  }
  const [verb] = positionals;
  if (!verb || !['status', 'stage', 'promote', 'halt'].includes(verb) || positionals.length > 1) {
    io.err(usage);
    return 2;
  }
  const dir = values.dir;
  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Refused(`${dir}: not a folder`);
    const locationsFile = values.locations ?? (existsSync(join(dir, 'locations.json')) ? join(dir, 'locations.json') : io.defaultLocations);
    const shops = readLocations(locationsFile);
    if (verb === 'status') {
      for (const channel of UpdateChannel.options) {
        const release = readChannel(dir, channel);
        io.out(`${channel}: ${label(release)}; ${shopsInStage(shops, release).length} of ${shops.length} shops in the stage`);
      }
      return 0;
    }
    const release = takeLock(dir);
    try {
      return change(verb, dir, shops, values, io);
    } finally {
      release();
    }
  } catch (err) {
    if (err instanceof Refused) {
      io.err(`Refused: ${err.message}. Nothing was changed.`);
      return 1;
    }
    throw err;
  }
}

interface ChangeOptions {
  channel?: string;
  percent?: string;
  from?: string;
  to?: string;
  'allow-downgrade': boolean;
}

function change(verb: string, dir: string, shops: readonly Shop[], values: ChangeOptions, io: ReleaseIo): number {
  // Every channel file is checked, not only the one written: a broken file elsewhere is found before it matters.
  const current = new Map(UpdateChannel.options.map((c) => [c, readChannel(dir, c)] as const));
  let channel: UpdateChannel;
  let next: ReleaseFile;
  if (verb === 'promote') {
    const from = channelOption(values.from, 'from');
    channel = channelOption(values.to, 'to');
    if (from === channel) throw new Refused('--from and --to name the same channel');
    const source = current.get(from) ?? null;
    if (!source) throw new Refused(`${from}: there is no release on this channel to promote`);
    const target = current.get(channel) ?? null;
    if (target && compareVersions(source.version, target.version) < 0 && !values['allow-downgrade']) {
      throw new Refused(`${channel}: it has ${target.version}, promoting ${source.version} would lower it (pass --allow-downgrade if that is meant)`);
    }
    if (target && compareVersions(source.version, target.version) === 0) throw new Refused(`${channel}: it already has ${source.version}; use stage to change its percentage`);
    next = { ...source, stagingPercentage: percentOption(values.percent, 0) };
  } else {
    channel = channelOption(values.channel, 'channel');
    const release = current.get(channel) ?? null;
    if (!release) throw new Refused(`${channel}: there is no release on this channel`);
    next = { ...release, stagingPercentage: verb === 'halt' ? 0 : percentOption(values.percent, null) };
  }
  const before = current.get(channel) ?? null;
  const inBefore = before && next.version === before.version ? shopsInStage(shops, before) : [];
  const inAfter = shopsInStage(shops, next);
  writeChannel(dir, channel, next);
  const beforeIds = new Set(inBefore.map((s) => s.id));
  const afterIds = new Set(inAfter.map((s) => s.id));
  const summary = `${verb} ${channel}: ${label(before)} -> ${label(next)}; shops in the stage for ${next.version}: ${inBefore.length} -> ${inAfter.length} of ${shops.length}`;
  io.out(summary);
  io.out(`  before: ${shopList(inBefore)}`);
  io.out(`  after:  ${shopList(inAfter)}`);
  const joined = inAfter.filter((s) => !beforeIds.has(s.id));
  const left = inBefore.filter((s) => !afterIds.has(s.id));
  if (joined.length) io.out(`  joining: ${shopList(joined)}`);
  if (left.length) io.out(`  no longer starting (shops that updated keep ${next.version}): ${shopList(left)}`);
  appendLog(dir, `${io.now().toISOString()} ${summary}`);
  return 0;
}
