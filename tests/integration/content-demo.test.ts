import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock/clock';
import { demoDeviceConfig } from '../../electron/core/config/demo-config';
import { devContentKey } from '../../electron/core/content/dev-content-key';
import { createContentService } from '../../electron/core/content/content-service';
import { silentLogger } from '../../electron/core/log/logger';
import { fixturePack, signed } from '../support/content-packs';
import { repoRoot, tempDir } from '../support/paths';

const devKey = { trusted: devContentKey, privateKeyPem: readFileSync(join(repoRoot, 'scripts', 'dev-only-content-key', 'DEV-ONLY-signing-key.pem'), 'utf8') };

/** An app's resources folder with a sample pack of the given version. */
function resourcesWithSample(version: string): string {
  const resources = tempDir('resources');
  const sample = join(resources, 'content', 'sample');
  mkdirSync(sample, { recursive: true });
  const { packBytes, sigBytes } = signed(fixturePack((p) => (p.version = version)), devKey);
  writeFileSync(join(sample, 'pack.json'), packBytes);
  writeFileSync(join(sample, 'pack.sig'), sigBytes);
  return resources;
}

function activeVersionAfterStart(dataDir: string, resourcesDir: string): string | undefined {
  const service = createContentService({ config: demoDeviceConfig, dataDir, resourcesDir, logger: silentLogger, clock: systemClock });
  try {
    return service.manifest()?.version;
  } finally {
    service.close();
  }
}

describe('demo mode and the sample pack', () => {
  it('installs the sample on first start, a newer sample after an app update, and never an older one', () => {
    const dataDir = tempDir('demo-device');
    expect(activeVersionAfterStart(dataDir, resourcesWithSample('2026.11.0-sample'))).toBe('2026.11.0-sample');
    expect(activeVersionAfterStart(dataDir, resourcesWithSample('2026.12.0-sample'))).toBe('2026.12.0-sample');
    expect(activeVersionAfterStart(dataDir, resourcesWithSample('2026.10.0-sample'))).toBe('2026.12.0-sample');
  });

  it('starts without content, and says why in the log, when the app has no sample pack', () => {
    const lines: string[] = [];
    const service = createContentService({ config: demoDeviceConfig, dataDir: tempDir('demo-device'), resourcesDir: tempDir('no-resources'), logger: { ...silentLogger, warn: (msg) => lines.push(msg) }, clock: systemClock });
    expect(service.manifest()).toBeNull();
    expect(lines).toContain('demo mode without a sample pack: run npm run content:build');
    service.close();
  });
});
