import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { assemblePack } from '../../../scripts/content/assemble-pack';
import { decodeTakeHome } from '../../../shared/self-scan/explore';
import { resourcesDir, tempDir, repoRoot } from '../../support/paths';
import { startPrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, kioskConfig } from '../../support/printing-fixtures';
import { join } from 'node:path';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const demo = assemblePack(join(repoRoot, 'resources', 'content', 'source'));
const answers = (yes: string[]) => Object.fromEntries(demo.selfScan.map((s) => [s.id, yes.includes(s.area) ? 'yes' : 'no']));

describe('the self-scan\'s take-home slip', () => {
  it('prints the areas and occupations, and a QR that holds only area letters and occupation ids of the demo pack', async () => {
    const emulator = await startPrinterEmulator();
    cleanups.push(() => emulator.close());
    const core: Core = createCore({ config: { ...kioskConfig(emulatorPrinter(emulator)), demo: true }, appVersion: 'test', resourcesDir, dataDir: tempDir('scan-slip'), shell: 'browser', logger: silentLogger, now: () => new Date('2026-11-24T10:00:00.000Z') });
    cleanups.push(() => core.close());
    const call = (channel: string, payload: unknown) => core.dispatch(channel, payload, { transport: 'test', client: 'test' });

    expect(await call('scan.print', { language: 'nl', answers: answers(['S']) })).toMatchObject({ ok: true, result: { kind: 'scan-slip' } });
    const [slip] = await emulator.waitForReceipts(1);
    expect(slip?.text).toContain('Dit doe je graag');
    expect(slip?.text).toContain('Helpen');
    expect(slip?.text.replace(/\n/g, ' ')).toContain('geen advies');
    const [qr] = slip?.qrCodes ?? [];
    const decoded = decodeTakeHome(qr ?? '');
    expect(decoded?.areas[0]).toBe('S');
    const ids = new Set(demo.occupations.map((o) => o.id));
    for (const id of decoded?.occupations ?? []) expect(ids.has(id), id).toBe(true);
    // Nothing but letters, ids and separators: no answer, no time, no device.
    expect(qr).toMatch(/^LBW-SCAN1\/[RIASEC]{1,3}\/[a-z0-9.-]+$/);

    // An Arabic visitor gets English paper; all "no" prints nothing.
    await call('scan.print', { language: 'ar', answers: answers(['R']) });
    const [, english] = await emulator.waitForReceipts(2);
    expect(english?.text).toContain('What you like to do');
    expect(await call('scan.print', { language: 'nl', answers: answers([]) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
