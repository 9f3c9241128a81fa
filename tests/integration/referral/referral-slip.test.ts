import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { silentLogger } from '../../../electron/core/log/logger';
import { resourcesDir, tempDir } from '../../support/paths';
import { startPrinterEmulator } from '../../support/printer-emulator/printer-emulator';
import { emulatorPrinter, kioskConfig } from '../../support/printing-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kiosk(locationId = 'utrecht-centrum') {
  const emulator = await startPrinterEmulator();
  cleanups.push(() => emulator.close());
  const config = { ...kioskConfig(emulatorPrinter(emulator)), demo: true };
  const core: Core = createCore({ config: { ...config, location: { ...config.location, id: locationId } }, appVersion: 'test', resourcesDir, dataDir: tempDir('referral'), shell: 'browser', logger: silentLogger, now: () => new Date('2026-11-24T10:00:00.000Z') });
  cleanups.push(() => core.close());
  const call = async (channel: string, payload: unknown) => core.dispatch(channel, payload, { transport: 'test', client: 'test' });
  return { emulator, call };
}

describe('referral slips on paper', () => {
  it('prints the region\'s partners the core chose, with address, hours, what to bring and whether to make an appointment', async () => {
    const { emulator, call } = await kiosk();
    const printed = await call('referral.print', { language: 'nl', kinds: ['schuldhulp', 'taalhuis'] });
    expect(printed).toMatchObject({ ok: true, result: { kind: 'referral-slip', code: '' } });
    const [slip] = await emulator.waitForReceipts(1);
    const text = slip?.text ?? '';
    expect(text).toContain('Wie kan je nog meer helpen?');
    expect(text).toContain('Schuldhulpverlening Utrecht (voorbeeld)');
    expect(text).toContain('Taalhuis Utrecht (voorbeeld)');
    expect(text.indexOf('Schuldhulpverlening')).toBeLessThan(text.indexOf('Taalhuis'));
    expect(text).toContain('Neem mee: Je identiteitsbewijs,');
    expect(text).toContain('Maak eerst een afspraak.');
    expect(text).toContain('Je kunt zonder afspraak langskomen.');
    expect(text).toContain('Let op: dit zijn voorbeeldgegevens.');
    expect(text).not.toMatch(/Zwolle|Rotterdam|Groningen/);
    expect(slip?.qrCodes).toEqual([]);
  });

  it('a Zwolle kiosk prints Zwolle\'s partners; an Arabic visitor gets English paper; an unknown kind is refused by the contract', async () => {
    const { emulator, call } = await kiosk('zwolle-centrum');
    await call('referral.print', { language: 'ar', kinds: ['uwv'] });
    const [slip] = await emulator.waitForReceipts(1);
    expect(slip?.text).toContain('Who else can help you?');
    expect(slip?.text).toContain('UWV WERKbedrijf Zwolle (voorbeeld)');
    expect(slip?.text).toContain('Bring: Your ID and your DigiD.');
    expect(await call('referral.print', { language: 'nl', kinds: ['casino'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('referral.print', { language: 'nl', kinds: ['uwv', 'taalhuis', 'schuldhulp', 'werkplein'] })).toMatchObject({ ok: false });
  });
});
