import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { TrustedContentKey } from '../../../shared/content/pack-signature';
import type { Logger } from '../log/logger';
import { buildSearchIndex, buildSearchIndexInSteps } from '../search/build-search-index';
import { openSearchIndex, type SearchIndex } from '../search/search-index';
import { compareVersions } from './compare-versions';
import { fsyncDir, fsyncFile, replaceFileAtomically, writeFileDurable } from './durable-files';
import { PackRejected } from './pack-rejected';
import { sha256Hex } from './sign-pack';
import { parseSignature, verifyPack, type VerifiedPack } from './verify-pack';

export interface LoadedPack {
  /** Folder name under packs/: version plus the start of the pack's hash. */
  name: string;
  pack: ContentPack;
  sha256: string;
  /** The central API's ETag for these bytes, when the pack was downloaded. */
  etag: string | null;
  search: SearchIndex;
}

export type InstallOutcome = { status: 'installed' | 'unchanged'; version: string };

export interface PackStoreOptions {
  /** The content folder in the device's data dir. */
  dir: string;
  trustedKeys: readonly TrustedContentKey[];
  logger: Logger;
  /**
   * Runs between the swap and the load of a new pack: the window in which a crash or a disk
   * fault would hit. Tests use it to damage the new pack for real and watch the rollback.
   */
  afterSwap?: (packDir: string) => void;
}

export interface PackStore {
  active(): LoadedPack | null;
  /** Verifies completely, then swaps atomically; the active pack is untouched unless this returns. */
  install(packBytes: Uint8Array, sigBytes: Uint8Array, source?: { etag?: string | null }): InstallOutcome;
  /**
   * The same install with the search index built in steps, handing the thread back between them
   * (`pause`): the active pack keeps answering until the swap. Checked again at the swap: a pack
   * installed meanwhile may make this one unchanged or older.
   */
  installInSteps(packBytes: Uint8Array, sigBytes: Uint8Array, source: { etag?: string | null }, pause: () => Promise<void>): Promise<InstallOutcome>;
  close(): void;
}

const StateSchema = z.strictObject({ active: z.string().nullable(), previous: z.string().nullable() });
type State = z.infer<typeof StateSchema>;

const files = { pack: 'pack.json', sig: 'pack.sig', search: 'search.sqlite', etag: 'etag.txt' } as const;

/**
 * The packs on this device, under <dataDir>/content:
 *   state.json            which pack is active and which is the fallback (replaced atomically)
 *   packs/<name>/         pack.json, pack.sig, search.sqlite, etag.txt - never changed once written
 *   incoming/             staging for an install; whatever is left there after a crash is discarded
 */
export function openPackStore(options: PackStoreOptions): PackStore {
  const { dir, logger } = options;
  const packsDir = join(dir, 'packs');
  const incomingDir = join(dir, 'incoming');
  const stateFile = join(dir, 'state.json');
  mkdirSync(packsDir, { recursive: true, mode: 0o700 });
  rmSync(incomingDir, { recursive: true, force: true });
  mkdirSync(incomingDir, { recursive: true, mode: 0o700 });

  const readState = (): State => {
    if (!existsSync(stateFile)) return { active: null, previous: null };
    try {
      return StateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
    } catch (err) {
      logger.error('content state file unreadable; starting without content', { error: err instanceof Error ? err.message : String(err) });
      return { active: null, previous: null };
    }
  };
  const writeState = (state: State): void => replaceFileAtomically(stateFile, JSON.stringify(state));

  /**
   * Trusts nothing on disk: the signature is checked again, with the keys the device trusts today.
   * Right after an install (`justVerified`), the bytes on disk are compared with the ones just
   * verified instead: the same hash and the same signature file mean the schema and reference
   * checks would find what they found a moment ago, so only a difference pays for them again
   * (and is refused by them). docs/performance.md has the argument.
   */
  const load = (name: string, justVerified?: VerifiedPack): LoadedPack => {
    const packDir = join(packsDir, name);
    const packBytes = readFileSync(join(packDir, files.pack));
    const sigBytes = readFileSync(join(packDir, files.sig));
    const verified = justVerified && sameAsVerified(packBytes, sigBytes, justVerified) ? justVerified : verifyPack(packBytes, sigBytes, options.trustedKeys);
    const searchFile = join(packDir, files.search);
    let search: SearchIndex;
    try {
      search = openSearchIndex(searchFile, verified.sha256);
    } catch (err) {
      // The pack itself is sound: an index that is damaged or from an older app is rebuilt.
      logger.warn('search index unusable, rebuilding it', { pack: name, error: err instanceof Error ? err.message : String(err) });
      const temp = join(packDir, `${files.search}.${randomUUID()}.tmp`);
      buildSearchIndex(verified.pack, temp, verified.sha256);
      fsyncFile(temp);
      renameSync(temp, searchFile);
      search = openSearchIndex(searchFile, verified.sha256);
    }
    const etagFile = join(packDir, files.etag);
    const etag = existsSync(etagFile) ? readFileSync(etagFile, 'utf8') : null;
    return { name, pack: verified.pack, sha256: verified.sha256, etag, search };
  };

  const prune = (state: State): void => {
    for (const entry of readdirSync(packsDir)) {
      if (entry !== state.active && entry !== state.previous) rmSync(join(packsDir, entry), { recursive: true, force: true });
    }
  };

  const tryLoad = (name: string | null): LoadedPack | null => {
    if (name === null) return null;
    try {
      return load(name);
    } catch (err) {
      logger.error('content pack failed to load', { pack: name, reason: err instanceof PackRejected ? err.reason : 'io', error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  };

  let state = readState();
  let current = tryLoad(state.active);
  if (!current && state.active !== null) {
    current = tryLoad(state.previous);
    state = { active: current ? state.previous : null, previous: null };
    writeState(state);
    if (current) logger.warn('rolled back to the previous content pack', { pack: current.name });
  }
  prune(state);

  /** The active pack already is these bytes (remembering a new ETag), or is newer; null when the pack is to be installed. */
  const unchangedOrOlder = (verified: VerifiedPack, source: { etag?: string | null }): InstallOutcome | null => {
    const version = verified.pack.version;
    if (current?.sha256 === verified.sha256) {
      // The same bytes under a new ETag (e.g. the bundled sample, then downloaded): remember it, so the next check is a 304.
      if (source.etag && source.etag !== current.etag) {
        replaceFileAtomically(join(packsDir, current.name, files.etag), source.etag);
        current = { ...current, etag: source.etag };
      }
      return { status: 'unchanged', version };
    }
    if (current && compareVersions(version, current.pack.version) < 0) {
      throw new PackRejected('older_than_active', `The pack has version ${version}, older than the active ${current.pack.version}.`);
    }
    return null;
  };

  /** A staging folder of its own with the pack's files written durably; the search index goes in next. */
  const stage = (verified: VerifiedPack, sigBytes: Uint8Array, source: { etag?: string | null }): string => {
    const staging = join(incomingDir, randomUUID());
    mkdirSync(staging, { mode: 0o700 });
    try {
      writeFileDurable(join(staging, files.pack), verified.bytes);
      writeFileDurable(join(staging, files.sig), Buffer.from(sigBytes));
      if (source.etag) writeFileDurable(join(staging, files.etag), source.etag);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    return staging;
  };

  /** Builds what is left of the staged pack (`build`), moves it in, swaps the state and loads it; rolls back if it does not load. */
  const finish = (verified: VerifiedPack, staging: string, build: () => void): InstallOutcome => {
    const version = verified.pack.version;
    const name = `${version}-${verified.sha256.slice(0, 12)}`;
    try {
      build();
      fsyncFile(join(staging, files.search));
      fsyncDir(staging);
      rmSync(join(packsDir, name), { recursive: true, force: true });
      renameSync(staging, join(packsDir, name));
      fsyncDir(packsDir);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }

    const before = state;
    const after: State = { active: name, previous: current?.name ?? null };
    writeState(after);
    options.afterSwap?.(join(packsDir, name));
    let loaded: LoadedPack;
    try {
      loaded = load(name, verified);
    } catch (err) {
      writeState(before);
      rmSync(join(packsDir, name), { recursive: true, force: true });
      const detail = err instanceof Error ? err.message : String(err);
      logger.error('new content pack failed to load after the swap; rolled back', { pack: name, error: detail });
      throw new PackRejected('load_failed', `Pack ${version} was verified and swapped in but failed to load (${detail}); the previous pack is active again.`);
    }
    current?.search.close();
    current = loaded;
    state = after;
    prune(state);
    logger.info('content pack installed', { version, pack: name });
    return { status: 'installed', version };
  };

  return {
    active: () => current,

    install(packBytes, sigBytes, source = {}) {
      const verified = verifyPack(packBytes, sigBytes, options.trustedKeys);
      const early = unchangedOrOlder(verified, source);
      if (early) return early;
      const staged = stage(verified, sigBytes, source);
      return finish(verified, staged, () => buildSearchIndex(verified.pack, join(staged, files.search), verified.sha256));
    },

    async installInSteps(packBytes, sigBytes, source, pause) {
      const verified = verifyPack(packBytes, sigBytes, options.trustedKeys);
      const early = unchangedOrOlder(verified, source);
      if (early) return early;
      const staged = stage(verified, sigBytes, source);
      let late: InstallOutcome | null;
      try {
        await buildSearchIndexInSteps(verified.pack, join(staged, files.search), verified.sha256, pause);
        // Another install may have swapped in while the index was built.
        late = unchangedOrOlder(verified, source);
      } catch (err) {
        rmSync(staged, { recursive: true, force: true });
        throw err;
      }
      if (late) {
        rmSync(staged, { recursive: true, force: true });
        return late;
      }
      return finish(verified, staged, () => undefined);
    },

    close() {
      current?.search.close();
      current = null;
    },
  };
}

/** The bytes read back are the ones just verified: the same SHA-256 and the same signature file. */
function sameAsVerified(packBytes: Buffer, sigBytes: Buffer, verified: VerifiedPack): boolean {
  try {
    return sha256Hex(packBytes) === verified.sha256 && JSON.stringify(parseSignature(sigBytes)) === JSON.stringify(verified.signature);
  } catch {
    return false;
  }
}
