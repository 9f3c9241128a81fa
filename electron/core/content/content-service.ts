import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { SearchResult } from '../../../shared/content/search-result';
import type { ContentManifest } from '../../../shared/contract/content-manifest';
import { nextTurn, type Clock, type Timer } from '../clock/clock';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { SearchOptions } from '../search/search-index';
import type { SyncAuth } from '../sync/sync-worker';
import { compareVersions } from './compare-versions';
import { devContentKey } from './dev-content-key';
import { discardPartial, DownloadFailed, downloadPack, type DownloadResult } from './download-pack';
import { PackRejected } from './pack-rejected';
import { openPackStore, type InstallOutcome, type PackStoreOptions } from './pack-store';

export interface ContentServiceOptions {
  config: DeviceConfig;
  dataDir: string;
  resourcesDir: string;
  logger: Logger;
  /** The update checks' timer. */
  clock: Clock;
  afterSwap?: PackStoreOptions['afterSwap'];
  /** The device's credentials for the central API (from enrollment); absent without a central API. */
  deviceAuth?: SyncAuth | null;
}

export interface UpdateSchedule {
  /** The first check after start-up. */
  firstAfterMs: number;
  everyMs: number;
}

/** Every half hour, each wait spread by up to a fifth so 500 locations do not all ask at once. */
export const defaultUpdateSchedule: UpdateSchedule = { firstAfterMs: 15_000, everyMs: 30 * 60_000 };

export type UpdateOutcome = InstallOutcome | { status: 'not-modified' };

export interface ContentService {
  manifest(): ContentManifest | null;
  /** The active pack; "unavailable" when the device has none yet. */
  pack(): ContentPack;
  /** The active pack, or null: for services that carry on without content (receipts, rules). */
  current(): ContentPack | null;
  search(query: string, options: SearchOptions): SearchResult;
  install(packBytes: Uint8Array, sigBytes: Uint8Array, source?: { etag?: string | null }): InstallOutcome;
  /** One check with the central API; a new pack is verified and installed before this resolves. */
  updateFromCentral(signal?: AbortSignal): Promise<UpdateOutcome>;
  /** Checks with the central API on a timer until close(); failures are logged and retried at the next check. */
  startUpdates(schedule?: UpdateSchedule): void;
  close(): void;
}

const noContent = () => new CoreError('unavailable', 'There is no content on this device yet. Ask a staff member.');

export function contentPackUrl(centralApiUrl: string, region: string): string {
  const url = new URL(`${centralApiUrl.replace(/\/+$/, '')}/v1/content-pack`);
  url.searchParams.set('region', region);
  return url.toString();
}

export function createContentService(options: ContentServiceOptions): ContentService {
  const { config, logger } = options;
  const dir = join(options.dataDir, 'content');
  const downloadDir = join(dir, 'download');
  // Demo mode trusts the dev-only key that signs the sample pack; no other mode ever does.
  const trustedKeys = config.demo ? [...config.trustedContentKeys, devContentKey] : config.trustedContentKeys;
  const store = openPackStore({ dir, trustedKeys, logger, afterSwap: options.afterSwap });

  if (config.demo) installSample(store, join(options.resourcesDir, 'content', 'sample'), logger);

  const active = () => {
    const loaded = store.active();
    if (!loaded) throw noContent();
    return loaded;
  };

  let timer: Timer | null = null;
  let checking: AbortController | null = null;
  const jitter = (ms: number) => ms * (0.8 + Math.random() * 0.4);

  let closed = false;
  let inFlight: Promise<UpdateOutcome> | null = null;

  /** One check at a time: two downloads must never write the same partial file. */
  function updateFromCentral(signal?: AbortSignal): Promise<UpdateOutcome> {
    inFlight ??= checkOnce(signal).finally(() => (inFlight = null));
    return inFlight;
  }

  async function checkOnce(signal?: AbortSignal): Promise<UpdateOutcome> {
    const { centralApiUrl } = config;
    if (!centralApiUrl) throw new CoreError('unavailable', 'This device has no central API configured.');
    const auth = options.deviceAuth ?? null;
    const download = () =>
      downloadPack({ url: contentPackUrl(centralApiUrl, config.region), dir: downloadDir, knownEtag: store.active()?.etag ?? null, token: auth?.token() ?? null, signal });
    let result: DownloadResult;
    try {
      result = await download();
    } catch (err) {
      // A device that has not enrolled yet (nothing sent so far) or whose token was revoked enrolls once, then asks again.
      if (!(err instanceof DownloadFailed && err.status === 401 && auth && (await auth.renew()))) throw err;
      result = await download();
    }
    if (result.status === 'not-modified') return result;
    if (closed) throw new DownloadFailed('The app is shutting down; the pack will be fetched again at the next start.');
    try {
      // In steps: the visitor keeps searching the active pack while the new one's index is built.
      return await store.installInSteps(result.packBytes, result.sigBytes, { etag: result.etag }, nextTurn);
    } finally {
      // Complete bytes were verified (and installed or refused): resuming them would be wrong.
      discardPartial(downloadDir);
    }
  }

  const scheduled = async (schedule: UpdateSchedule): Promise<void> => {
    checking = new AbortController();
    try {
      const outcome = await updateFromCentral(checking.signal);
      if (outcome.status === 'installed') logger.info('content updated from the central API', { version: outcome.version });
    } catch (err) {
      const reason = err instanceof PackRejected ? err.reason : err instanceof DownloadFailed ? 'download' : 'error';
      logger.warn('content update failed; the active pack stays', { reason, error: err instanceof Error ? err.message : String(err) });
    } finally {
      checking = null;
    }
    if (timer) timer = options.clock.setTimeout(() => void scheduled(schedule), jitter(schedule.everyMs));
  };

  return {
    manifest() {
      const pack = store.active()?.pack;
      return pack ? { version: pack.version, createdAt: pack.createdAt, scope: pack.scope } : null;
    },
    pack: () => active().pack,
    current: () => store.active()?.pack ?? null,
    search: (query, searchOptions) => active().search.search(query, searchOptions),
    install: (packBytes, sigBytes, source) => store.install(packBytes, sigBytes, source),
    updateFromCentral,
    startUpdates(schedule = defaultUpdateSchedule) {
      if (timer || !config.centralApiUrl) return;
      timer = options.clock.setTimeout(() => void scheduled(schedule), jitter(schedule.firstAfterMs));
    },
    close() {
      closed = true;
      timer?.cancel();
      timer = null;
      checking?.abort();
      store.close();
    },
  };
}

/** Demo mode starts with the sample pack, and picks up a newer sample after an app update. */
function installSample(store: ReturnType<typeof openPackStore>, sampleDir: string, logger: Logger): void {
  const packFile = join(sampleDir, 'pack.json');
  const sigFile = join(sampleDir, 'pack.sig');
  if (!existsSync(packFile) || !existsSync(sigFile)) {
    logger.warn('demo mode without a sample pack: run npm run content:build', { dir: sampleDir });
    return;
  }
  const packBytes = readFileSync(packFile);
  const active = store.active();
  if (active && compareVersions(sampleVersion(packBytes), active.pack.version) <= 0) return;
  try {
    store.install(packBytes, readFileSync(sigFile));
  } catch (err) {
    if (!(err instanceof PackRejected)) throw err;
    logger.error('the sample pack was refused', { reason: err.reason, error: err.message });
  }
}

/** Just enough to compare with the active version; the install that may follow checks everything. */
function sampleVersion(packBytes: Buffer): string {
  try {
    const { version } = JSON.parse(packBytes.toString('utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '';
  } catch {
    return '';
  }
}
