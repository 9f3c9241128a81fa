import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

/** Writes and flushes to disk before returning, so a power cut cannot leave the bytes in a cache. */
export function writeFileDurable(path: string, data: string | Uint8Array, mode = 0o600): void {
  const fd = openSync(path, 'w', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new file in `dir` durable. Windows cannot open a directory; NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Readers see the old file or the new one, never half of either: temp file, fsync, rename, fsync the folder. */
export function replaceFileAtomically(path: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = `${path}.${randomUUID()}.tmp`;
  writeFileDurable(temp, data, mode);
  renameSync(temp, path);
  fsyncDir(dirname(path));
}
