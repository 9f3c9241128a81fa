import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceConfig } from '../../../shared/config/device-config';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { SearchResult } from '../../../shared/content/search-result';
import type { ContentManifest } from '../../../shared/contract/content-manifest';
import { CoreError } from '../errors';
import type { Logger } from '../log/logger';
import type { SearchOptions } from '../search/search-index';
import { compareVersions } from './compare-versions';
import { devContentKey } from './dev-content-key';
import { discardPartial, downloadPack } from './download-pack';
import { PackRejected } from './pack-rejected';
import { openPackStore, type InstallOutcome, type PackStoreOptions } from './pack-store';

export interface ContentServiceOptions {
  config: DeviceConfig;
  dataDir: string;
  resourcesDir: string;
  logger: Logger;
  afterSwap?: PackStoreOptions['afterSwap'];
}

export type UpdateOutcome = InstallOutcome | { status: 'not-modified' };

export interface ContentService {
  manifest(): ContentManifest | null;
  /** The active pack; "unavailable" when the device has none yet. */
  pack(): ContentPack;
  search(query: string, options: SearchOptions): SearchResult;
  install(packBytes: Uint8Array, sigBytes: Uint8Array, source?: { etag?: string | null }): InstallOutcome;
  /** One check with the central API; a new pack is verified and installed before this resolves. */
  updateFromCentral(signal?: AbortSignal): Promise<UpdateOutcome>;
  close(): void;
}

const noContent = () => new CoreError('unavailable', 'There is no content on this device yet. Ask a staff member.');

export function contentPackUrl(centralApiUrl: string, region: string): string {
  const url = new URL(`${centralApiUrl.replace(/\/+$/, '')}/content/pack`);
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

  return {
    manifest() {
      const pack = store.active()?.pack;
      return pack ? { version: pack.version, createdAt: pack.createdAt, scope: pack.scope } : null;
    },
    pack: () => active().pack,
    search: (query, searchOptions) => active().search.search(query, searchOptions),
    install: (packBytes, sigBytes, source) => store.install(packBytes, sigBytes, source),
    async updateFromCentral(signal) {
      if (!config.centralApiUrl) throw new CoreError('unavailable', 'This device has no central API configured.');
      const result = await downloadPack({ url: contentPackUrl(config.centralApiUrl, config.region), dir: downloadDir, knownEtag: store.active()?.etag ?? null, signal });
      if (result.status === 'not-modified') return result;
      try {
        return store.install(result.packBytes, result.sigBytes, { etag: result.etag });
      } finally {
        // Complete bytes were verified (and installed or refused): resuming them would be wrong.
        discardPartial(downloadDir);
      }
    },
    close: () => store.close(),
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
  const version = /"version"\s*:\s*"([^"]+)"/.exec(packBytes.toString('utf8'))?.[1];
  if (active && version !== undefined && compareVersions(version, active.pack.version) <= 0) return;
  try {
    store.install(packBytes, readFileSync(sigFile));
  } catch (err) {
    if (!(err instanceof PackRejected)) throw err;
    logger.error('the sample pack was refused', { reason: err.reason, error: err.message });
  }
}
