import { describe, expect, it } from 'vitest';
import type { FleetDevice } from '../../../shared/central-api/fleet';
import { fleetExamples } from '../../../shared/central-api/fleet-examples';
import { examples } from '../../../shared/central-api/examples';
import { devicesCsv, fleetAlerts, versionsPerChannel } from '../../../shared/fleet/fleet-alerts';

const base = fleetExamples(examples.heartbeat).fleetDevices.devices[0] as FleetDevice;
let n = 0;
const device = (over: Partial<FleetDevice>): FleetDevice => ({ ...base, deviceId: `019ab5c2-6f3e-7c21-9a4b-2f7d8e9c0a${String(n++).padStart(2, '0')}`, ...over });
const asOf = new Date('2026-11-24T08:31:00.000Z');

describe('fleet alerts', () => {
  it('raises each kind once for its device and orders them by urgency', () => {
    const devices = [
      device({ diskFreeBytes: 500_000_000 }),
      device({ contentVersion: '2026.10.0' }),
      device({ needsAttention: 2, oldestPendingAgeSeconds: 25 * 3600 }),
      device({ needsAttention: 2, oldestPendingAgeSeconds: 3600 }),
      device({ updateState: 'failed', updateDetail: 'sha512 mismatch' }),
      device({ printerState: 'offline' }),
      device({ printerState: 'paper-out' }),
      device({ health: 'silent', printerState: 'paper-out' }),
      device({}),
    ];
    const alerts = fleetAlerts(devices, asOf);
    expect(alerts.map((a) => a.kind)).toEqual(['silent', 'printer-paper-out', 'printer-offline', 'update-failed', 'needs-attention-old', 'disk-almost-full', 'content-old']);
    expect(alerts.find((a) => a.kind === 'needs-attention-old')?.since).toBe('2026-11-23T07:31:00.000Z');
    expect(alerts.find((a) => a.kind === 'update-failed')?.detail).toBe('sha512 mismatch');
  });

  it('counts versions per channel, newest first', () => {
    const list = versionsPerChannel([device({ appVersion: '0.9.0' }), device({ appVersion: '0.10.0' }), device({ appVersion: '0.10.0' }), device({ channel: 'pilot', appVersion: '0.11.0' })]);
    expect(list).toEqual([
      { channel: 'stable', versions: [{ version: '0.10.0', devices: 2 }, { version: '0.9.0', devices: 1 }] },
      { channel: 'pilot', versions: [{ version: '0.11.0', devices: 1 }] },
    ]);
  });

  it('writes CSV a spreadsheet opens safely: quotes, commas and formula starts', () => {
    const csv = devicesCsv([device({ locationId: 'utrecht-centrum', updateDetail: '=HYPERLINK("x"), oops' })]);
    const [header, row] = csv.split('\r\n');
    expect(header?.startsWith('deviceId,locationId,region,role,health')).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""x""), oops"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
