import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeviceConfig } from '../../electron/core/config/load-device-config';
import { repoRoot } from '../support/paths';

describe('the README', () => {
  it('shows a device config that the app accepts as written', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const block = /## Device configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const config = parseDeviceConfig(block ?? '', 'README.md');
    expect(config).toMatchObject({ role: 'kiosk', location: { id: 'zwolle-centrum' }, printer: { type: 'tcp', port: 9100 } });
  });

  it('gives the two commands a newcomer needs on its first screen', () => {
    const firstScreen = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
  });
});
