import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { replaceFileAtomically } from '../../electron/core/content/durable-files';
import { rolloutPosition } from '../../electron/core/updates/rollout-ring';
import type { UpdateChannel } from '../../shared/updates/update-channel';
import { channelFileNames, formatReleaseFile, parseReleaseFile, ReleaseFileError, type ReleaseFile } from '../../shared/updates/release-file';

/** A refusal: the folder is left as it was, and the message names the file and the reason. */
export class Refused extends Error {}

export const lockFileName = '.release.lock';
export const logFileName = 'release-log.txt';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One tool at a time per folder: the lock is created exclusively (O_EXCL), so of two tools started
 * together exactly one gets it. A lock left by a tool that died is taken over once its process is gone.
 */
export function takeLock(dir: string): () => void {
  const file = join(dir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Refused(`${lockFileName}: another release tool (process ${holder}) is working on this folder; try again when it has finished`);
      }
      unlinkSync(file);
    }
  }
  throw new Refused(`${lockFileName}: could not take the lock`);
}

const sha512Of = (file: string): string => createHash('sha512').update(readFileSync(file)).digest('base64');

/** Reads a channel's file and checks every installer and blockmap it names against the folder. */
export function readChannel(dir: string, channel: UpdateChannel): ReleaseFile | null {
  const name = channelFileNames[channel];
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  let release: ReleaseFile;
  try {
    release = parseReleaseFile(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof ReleaseFileError) throw new Refused(`${name}: ${err.message}`);
    throw err;
  }
  for (const entry of release.files) {
    if (basename(entry.url) !== entry.url) throw new Refused(`${name}: installer "${entry.url}" must be a file name in this folder, not a path`);
    const installer = join(dir, entry.url);
    if (!existsSync(installer)) throw new Refused(`${name}: the installer "${entry.url}" it names is not in the folder`);
    if (entry.size !== null && statSync(installer).size !== entry.size) throw new Refused(`${name}: "${entry.url}" is ${statSync(installer).size} bytes, the file says ${entry.size}`);
    if (sha512Of(installer) !== entry.sha512) throw new Refused(`${name}: the sha512 of "${entry.url}" does not match the installer in the folder`);
    if (entry.blockMapSize !== null && !existsSync(`${installer}.blockmap`)) throw new Refused(`${name}: "${entry.url}.blockmap" is missing (devices need it for a differential download)`);
  }
  if (!release.files.some((f) => f.url === release.path)) throw new Refused(`${name}: path "${release.path}" is not one of the listed files`);
  return release;
}

export function writeChannel(dir: string, channel: UpdateChannel, release: ReleaseFile): void {
  replaceFileAtomically(join(dir, channelFileNames[channel]), formatReleaseFile(release), 0o644);
}

export function appendLog(dir: string, line: string): void {
  // The log is for people; a torn last line after a power cut is acceptable, a torn channel file is not.
  const fd = openSync(join(dir, logFileName), 'a', 0o644);
  try {
    writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
}

export interface Shop {
  id: string;
  position: number;
}

/** The fleet's locations with their rollout positions, as the devices compute them, lowest first. */
export function readLocations(file: string): Shop[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new Refused(`${basename(file)}: not a readable JSON location list`);
  }
  if (!Array.isArray(parsed) || !parsed.every((l: unknown) => typeof (l as { id?: unknown }).id === 'string')) {
    throw new Refused(`${basename(file)}: expected a list of locations, each with an "id"`);
  }
  return (parsed as { id: string }[]).map((l) => ({ id: l.id, position: rolloutPosition(l.id) })).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** Shops a release reaches at this percentage: electron-updater's rule with our positions (position < percentage). */
export function shopsInStage(shops: readonly Shop[], release: ReleaseFile | null): Shop[] {
  if (!release) return [];
  const pct = release.stagingPercentage;
  return shops.filter((s) => pct === null || s.position < pct);
}
