import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceConfigSchema } from '../../shared/config/device-config';
import { packSignatureHeader } from '../../shared/content/pack-signature';
import { startCentralSim } from '../../electron/central-sim/sim-server';
import { createCore } from '../../electron/core/app-core';
import { systemClock } from '../../electron/core/clock/clock';
import { createContentService, type ContentService } from '../../electron/core/content/content-service';
import { DownloadFailed } from '../../electron/core/content/download-pack';
import { PackRejected } from '../../electron/core/content/pack-rejected';
import { sha256Hex } from '../../electron/core/content/sign-pack';
import { silentLogger } from '../../electron/core/log/logger';
import { fixturePack, makeKey, signed, type SignedPack } from '../support/content-packs';
import { resourcesDir, tempDir } from '../support/paths';
import { until } from '../support/until';

/**
 * A loopback server with just the content download (ETag, If-None-Match, Range + If-Range) that
 * can cut a connection at an exact byte, which the central-API simulator's random faults cannot.
 */
interface CentralFake {
  url: string;
  requests: IncomingHttpHeaders[];
  publish(pack: SignedPack): void;
  /** The next full response stops after this many bytes and the socket is destroyed. */
  cutNextAfter(bytes: number): void;
  failNext(status: number): void;
  close(): Promise<void>;
}

async function startCentral(): Promise<CentralFake> {
  let current: SignedPack | null = null;
  let cutAfter: number | null = null;
  let failStatus: number | null = null;
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/v1/content-pack' || url.searchParams.get('region') !== 'midden-utrecht' || !current) {
      res.writeHead(404).end();
      return;
    }
    if (failStatus !== null) {
      res.writeHead(failStatus).end();
      failStatus = null;
      return;
    }
    const etag = `"${sha256Hex(current.packBytes).slice(0, 16)}"`;
    const headers = { ETag: etag, [packSignatureHeader]: current.sigBytes.toString('base64'), 'Content-Type': 'application/json' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && req.headers['if-range'] === etag) {
      const start = Number(range[1]);
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${current.packBytes.length - 1}/${current.packBytes.length}` });
      res.end(current.packBytes.subarray(start));
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': current.packBytes.length });
    if (cutAfter !== null) {
      const cut = cutAfter;
      cutAfter = null;
      res.write(current.packBytes.subarray(0, cut), () => setTimeout(() => res.destroy(), 20));
      return;
    }
    res.end(current.packBytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    publish: (pack) => (current = pack),
    cutNextAfter: (bytes) => (cutAfter = bytes),
    failNext: (status) => (failStatus = status),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const key = makeKey();
const packVersion = (version: string) => signed(fixturePack((p) => (p.version = version)), key);
let central: CentralFake;
let service: ContentService;
let dataDir: string;

beforeAll(async () => {
  central = await startCentral();
  dataDir = tempDir('download');
  const config = DeviceConfigSchema.parse({
    role: 'kiosk',
    location: { id: 'utrecht-centrum', name: 'Utrecht' },
    region: 'midden-utrecht',
    centralApiUrl: central.url,
    trustedContentKeys: [key.trusted],
  });
  service = createContentService({ config, dataDir, resourcesDir, logger: silentLogger, clock: systemClock });
});

afterAll(async () => {
  service.close();
  await central.close();
});

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the update to fail');
}

// One device, one central API, in order: each step starts from where the last one left the device.
describe('downloading packs from the central API over HTTP', () => {
  it('starts without content, downloads the published pack and installs it', async () => {
    expect(service.manifest()).toBeNull();
    central.publish(packVersion('2026.11.1'));
    expect(await service.updateFromCentral()).toEqual({ status: 'installed', version: '2026.11.1' });
    expect(service.manifest()?.version).toBe('2026.11.1');
    expect(service.search('vertrouwelijk', { language: 'nl', limit: 5 }).hits).toHaveLength(1);
  });

  it('asks with If-None-Match and gets nothing new when nothing changed', async () => {
    expect(await service.updateFromCentral()).toEqual({ status: 'not-modified' });
    expect(central.requests.at(-1)?.['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('resumes a download that was cut off half-way where it stopped', async () => {
    const next = packVersion('2026.12.0');
    central.publish(next);
    central.cutNextAfter(4000);
    const broken = await refusal(service.updateFromCentral());
    expect(broken).toBeInstanceOf(DownloadFailed);
    expect(broken.message).toMatch(/broke off after 4000 bytes/);
    expect(service.manifest()?.version).toBe('2026.11.1');

    expect(await service.updateFromCentral()).toEqual({ status: 'installed', version: '2026.12.0' });
    const resumed = central.requests.at(-1);
    expect(resumed?.range).toBe('bytes=4000-');
    expect(resumed?.['if-range']).toMatch(/^"[0-9a-f]{16}"$/);
    expect(existsSync(join(dataDir, 'content', 'download', 'pack.part'))).toBe(false);
  });

  it('starts over when the pack changed between the cut and the retry', async () => {
    central.publish(packVersion('2026.12.1'));
    central.cutNextAfter(3000);
    await refusal(service.updateFromCentral());
    central.publish(packVersion('2026.12.2'));
    expect(await service.updateFromCentral()).toEqual({ status: 'installed', version: '2026.12.2' });
    expect(central.requests.at(-1)?.range).toBe('bytes=3000-');
  });

  it('refuses a tampered pack from the central API and keeps the active one', async () => {
    const good = packVersion('2027.1.0');
    central.publish({ packBytes: Buffer.from(good.packBytes.toString().replace('Neude 11', 'Neude 12')), sigBytes: good.sigBytes });
    const err = await refusal(service.updateFromCentral());
    expect(err).toBeInstanceOf(PackRejected);
    expect((err as PackRejected).reason).toBe('bad_signature');
    expect(service.manifest()?.version).toBe('2026.12.2');
    expect(existsSync(join(dataDir, 'content', 'download', 'pack.part'))).toBe(false);
  });

  it('reports a server error plainly and changes nothing', async () => {
    central.publish(packVersion('2027.1.1'));
    central.failNext(503);
    const err = await refusal(service.updateFromCentral());
    expect(err).toBeInstanceOf(DownloadFailed);
    expect(err.message).toBe('The central API answered 503 to the content download.');
    expect(service.manifest()?.version).toBe('2026.12.2');
    expect(await service.updateFromCentral()).toEqual({ status: 'installed', version: '2027.1.1' });
  });
});

describe('downloading from the central-API simulator', () => {
  it('enrolls, fetches the published pack on its own schedule, then gets 304 until a new pack is published', async () => {
    const published = tempDir('published');
    const publish = (pack: SignedPack) => {
      writeFileSync(join(published, 'pack.json'), pack.packBytes);
      writeFileSync(join(published, 'pack.sig'), pack.sigBytes);
    };
    publish(packVersion('2026.11.5'));
    const sim = await startCentralSim({ dbFile: join(tempDir('sim'), 'central.sqlite'), port: 0, seed: 3, contentPackFile: join(published, 'pack.json') });
    const config = DeviceConfigSchema.parse({
      role: 'kiosk',
      location: { id: 'utrecht-centrum', name: 'Utrecht' },
      region: 'midden-utrecht',
      centralApiUrl: sim.url,
      trustedContentKeys: [key.trusted],
    });
    const core = createCore({
      config,
      appVersion: 'test',
      resourcesDir,
      dataDir: tempDir('sim-device'),
      shell: 'browser',
      logger: silentLogger,
      enrollmentCode: async () => sim.issueEnrollmentCode(),
      contentUpdates: { firstAfterMs: 20, everyMs: 60 * 60_000 },
    });
    try {
      expect(core.content.manifest()).toBeNull();
      await until(() => core.content.manifest() !== null, 10_000, 'the first pack from the central API');
      expect(core.content.manifest()?.version).toBe('2026.11.5');

      expect(await core.content.updateFromCentral()).toEqual({ status: 'not-modified' });
      publish(packVersion('2026.11.6'));
      expect(await core.content.updateFromCentral()).toEqual({ status: 'installed', version: '2026.11.6' });
      expect(core.content.search('confidential', { language: 'en', limit: 5 }).hits.map((h) => h.id)).toEqual(['je-gegevens']);
    } finally {
      await core.close();
      await sim.close();
    }
  });
});
