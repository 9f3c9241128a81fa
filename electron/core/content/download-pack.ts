import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packSignatureHeader } from '../../../shared/content/pack-signature';
import { replaceFileAtomically, writeFileDurable } from './durable-files';
import { maxPackBytes } from './verify-pack';


export type DownloadResult =
  | { status: 'not-modified' }
  | { status: 'downloaded'; packBytes: Buffer; sigBytes: Buffer; etag: string | null };

/** The download did not complete; what arrived is kept so the next attempt can resume. */
export class DownloadFailed extends Error {
  constructor(
    message: string,
    /** The HTTP status when the central API answered with an error. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'DownloadFailed';
  }
}

const PartialSchema = z.strictObject({ url: z.string(), etag: z.string(), signature: z.string() });

export interface DownloadOptions {
  url: string;
  /** Where a partial download waits between attempts. */
  dir: string;
  /** ETag of the active pack: the central API answers 304 when it has nothing newer. */
  knownEtag: string | null;
  /** The device token from enrollment; the central API serves packs to enrolled devices only. */
  token: string | null;
  signal?: AbortSignal;
}

const partFile = (dir: string) => join(dir, 'pack.part');
const metaFile = (dir: string) => join(dir, 'pack.part.json');

export function discardPartial(dir: string): void {
  rmSync(partFile(dir), { force: true });
  rmSync(metaFile(dir), { force: true });
}

function readPartial(dir: string, url: string): { etag: string; signature: string; size: number } | null {
  if (!existsSync(metaFile(dir)) || !existsSync(partFile(dir))) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaFile(dir), 'utf8'));
  } catch {
    return null;
  }
  const parsed = PartialSchema.safeParse(raw);
  if (!parsed.success || parsed.data.url !== url) return null;
  return { ...parsed.data, size: statSync(partFile(dir)).size };
}

/**
 * Fetches the current pack with If-None-Match. A download cut off half-way resumes with
 * Range + If-Range (the same ETag, so bytes of two different packs are never glued together);
 * where the server cannot resume it starts over. Nothing here trusts the bytes: the caller
 * verifies them completely before installing.
 */
export async function downloadPack(options: DownloadOptions): Promise<DownloadResult> {
  const { url, dir } = options;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = readPartial(dir, url);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  // A weak ETag cannot vouch for byte ranges, so only a strong one allows resuming.
  if (partial && partial.size > 0 && partial.etag !== '' && !partial.etag.startsWith('W/')) {
    headers.Range = `bytes=${partial.size}-`;
    headers['If-Range'] = partial.etag;
  } else if (options.knownEtag) {
    headers['If-None-Match'] = options.knownEtag;
  }

  let response: Response;
  try {
    response = await fetch(url, { headers, signal: options.signal ?? null, redirect: 'error' });
  } catch (err) {
    throw new DownloadFailed(`The central API could not be reached: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (response.status === 304) {
    await response.body?.cancel();
    discardPartial(dir);
    return { status: 'not-modified' };
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new DownloadFailed(`The central API answered ${response.status} to the content download.`, response.status);
  }

  const resuming = response.status === 206 && partial !== null;
  if (resuming) {
    const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1];
    if (Number(start) !== partial.size) {
      await response.body?.cancel();
      discardPartial(dir);
      throw new DownloadFailed('The central API resumed the download at the wrong place; it will start over.');
    }
  } else {
    const signature = response.headers.get(packSignatureHeader);
    if (!signature) {
      await response.body?.cancel();
      throw new DownloadFailed(`The central API sent a pack without its signature (${packSignatureHeader} header).`);
    }
    discardPartial(dir);
    writeFileDurable(partFile(dir), new Uint8Array());
    replaceFileAtomically(metaFile(dir), JSON.stringify({ url, etag: response.headers.get('etag') ?? '', signature }));
  }
  const meta = PartialSchema.parse(JSON.parse(readFileSync(metaFile(dir), 'utf8')));

  let size = resuming ? partial.size : 0;
  try {
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      size += next.value.byteLength;
      if (size > maxPackBytes) {
        await reader?.cancel();
        discardPartial(dir);
        throw new DownloadFailed(`The pack is larger than ${maxPackBytes} bytes; the download was stopped.`);
      }
      appendFileSync(partFile(dir), next.value);
    }
  } catch (err) {
    if (err instanceof DownloadFailed) throw err;
    throw new DownloadFailed(`The download broke off after ${size} bytes; the next attempt resumes there.`);
  }
  return {
    status: 'downloaded',
    packBytes: readFileSync(partFile(dir)),
    sigBytes: Buffer.from(meta.signature, 'base64'),
    etag: meta.etag === '' ? null : meta.etag,
  };
}
