import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { demoDeviceConfig } from '../../../electron/core/config/demo-config';
import { createLogger } from '../../../electron/core/log/logger';
import { errorShape } from '../../../electron/core/log/redact';
import { resourcesDir, tempDir } from '../../support/paths';

describe('errors the renderer reports', () => {
  it('reach the device log as their shape only: nothing a visitor typed, even a name no pattern knows', async () => {
    const lines: string[] = [];
    const core = createCore({ config: demoDeviceConfig, appVersion: '1.0.0', resourcesDir, dataDir: tempDir('renderer-errors'), shell: 'browser', logger: createLogger((line) => lines.push(line)) });
    try {
      const message = `TypeError: cannot format "Sam de Vries" for 'sam@voorbeeld.nl', phone 0612345678, ${'x'.repeat(300)}`;
      expect(await core.dispatch('app.reportError', { screen: 'kiosk.voucher', message }, { transport: 'test', client: 'test' })).toMatchObject({ ok: true });
      const line = lines.find((l) => l.includes('renderer reported an error')) ?? '';
      expect(line).toContain('kiosk.voucher');
      expect(line).toContain('TypeError: cannot format');
      for (const typed of ['Sam', 'Vries', 'voorbeeld', '0612345678', 'x'.repeat(200)]) expect(line).not.toContain(typed);
    } finally {
      await core.close();
    }
  });

  it('keep what IT needs to recognise the error', () => {
    expect(errorShape("Cannot read properties of undefined (reading 'name')")).toBe("Cannot read properties of undefined (reading '…')");
    expect(errorShape('Failed to fetch')).toBe('Failed to fetch');
  });
});
