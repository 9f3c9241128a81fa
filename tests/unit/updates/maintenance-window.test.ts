import { describe, expect, it } from 'vitest';
import { isInMaintenanceWindow, localMinuteOfDay } from '../../../electron/core/updates/maintenance-window';
import { DeviceConfigSchema } from '../../../shared/config/device-config';
import { MaintenanceWindow, defaultMaintenanceWindow } from '../../../shared/updates/update-channel';

const nl = 'Europe/Amsterdam';
const at = (iso: string): Date => new Date(iso);

describe('the maintenance window', () => {
  it('defaults to 02:00-05:00 local time', () => {
    const config = DeviceConfigSchema.parse({ role: 'kiosk', location: { id: 'a', name: 'A' }, region: 'r' });
    expect(config.maintenanceWindow).toEqual({ start: '02:00', end: '05:00' });
  });

  it('opens at the start minute and closes at the end minute (winter, UTC+1)', () => {
    const w = defaultMaintenanceWindow;
    expect(isInMaintenanceWindow(at('2026-01-15T00:59:59Z'), w, nl)).toBe(false); // 01:59:59
    expect(isInMaintenanceWindow(at('2026-01-15T01:00:00Z'), w, nl)).toBe(true); // 02:00
    expect(isInMaintenanceWindow(at('2026-01-15T03:59:59Z'), w, nl)).toBe(true); // 04:59:59
    expect(isInMaintenanceWindow(at('2026-01-15T04:00:00Z'), w, nl)).toBe(false); // 05:00
    expect(isInMaintenanceWindow(at('2026-01-15T12:00:00Z'), w, nl)).toBe(false);
  });

  it('follows local time in summer (UTC+2)', () => {
    const w = defaultMaintenanceWindow;
    expect(isInMaintenanceWindow(at('2026-07-01T00:00:00Z'), w, nl)).toBe(true); // 02:00 CEST
    expect(isInMaintenanceWindow(at('2026-07-01T01:00:00Z'), w, nl)).toBe(true); // 03:00
    expect(isInMaintenanceWindow(at('2026-07-01T03:00:00Z'), w, nl)).toBe(false); // 05:00
    expect(isInMaintenanceWindow(at('2026-06-30T23:59:00Z'), w, nl)).toBe(false); // 01:59
  });

  it('is two real hours long on the night the clocks go forward (29 March 2026)', () => {
    // 01:59 CET is followed by 03:00 CEST: the 02:00-03:00 hour does not exist.
    const w = defaultMaintenanceWindow;
    expect(localMinuteOfDay(at('2026-03-29T01:00:00Z'), nl)).toBe(3 * 60);
    expect(isInMaintenanceWindow(at('2026-03-29T00:59:00Z'), w, nl)).toBe(false); // 01:59 CET
    expect(isInMaintenanceWindow(at('2026-03-29T01:00:00Z'), w, nl)).toBe(true); // 03:00 CEST
    expect(isInMaintenanceWindow(at('2026-03-29T02:59:00Z'), w, nl)).toBe(true); // 04:59 CEST
    expect(isInMaintenanceWindow(at('2026-03-29T03:00:00Z'), w, nl)).toBe(false); // 05:00 CEST
    expect(openMinutes(at('2026-03-29T00:00:00Z'), w)).toBe(120);
  });

  it('is four real hours long on the night the clocks go back (25 October 2026)', () => {
    // 02:00-03:00 happens twice: first in CEST, then again in CET.
    const w = defaultMaintenanceWindow;
    expect(isInMaintenanceWindow(at('2026-10-24T23:59:00Z'), w, nl)).toBe(false); // 01:59 CEST
    expect(isInMaintenanceWindow(at('2026-10-25T00:00:00Z'), w, nl)).toBe(true); // 02:00 CEST
    expect(isInMaintenanceWindow(at('2026-10-25T01:30:00Z'), w, nl)).toBe(true); // 02:30 CET, second time
    expect(isInMaintenanceWindow(at('2026-10-25T03:59:00Z'), w, nl)).toBe(true); // 04:59 CET
    expect(isInMaintenanceWindow(at('2026-10-25T04:00:00Z'), w, nl)).toBe(false); // 05:00 CET
    expect(openMinutes(at('2026-10-24T22:00:00Z'), w)).toBe(240);
  });

  it('wraps past midnight', () => {
    const w = { start: '23:00', end: '01:00' };
    expect(isInMaintenanceWindow(at('2026-01-15T21:59:00Z'), w, nl)).toBe(false); // 22:59
    expect(isInMaintenanceWindow(at('2026-01-15T22:00:00Z'), w, nl)).toBe(true); // 23:00
    expect(isInMaintenanceWindow(at('2026-01-15T23:30:00Z'), w, nl)).toBe(true); // 00:30
    expect(isInMaintenanceWindow(at('2026-01-16T00:00:00Z'), w, nl)).toBe(false); // 01:00
  });

  it('reads the window in the configured zone, not the machine zone', () => {
    const instant = at('2026-01-15T01:30:00Z');
    expect(isInMaintenanceWindow(instant, defaultMaintenanceWindow, nl)).toBe(true);
    expect(isInMaintenanceWindow(instant, defaultMaintenanceWindow, 'America/New_York')).toBe(false);
  });

  it('refuses windows IT could mistype', () => {
    expect(MaintenanceWindow.safeParse({ start: '2:00', end: '05:00' }).success).toBe(false);
    expect(MaintenanceWindow.safeParse({ start: '24:00', end: '05:00' }).success).toBe(false);
    expect(MaintenanceWindow.safeParse({ start: '03:00', end: '03:00' }).success).toBe(false);
    const zone = DeviceConfigSchema.safeParse({ role: 'kiosk', location: { id: 'a', name: 'A' }, region: 'r', timeZone: 'Europe/Amsterdm' });
    expect(zone.success).toBe(false);
    expect(JSON.stringify(zone.error?.issues)).toContain('IANA time zone');
  });
});

/** Real minutes the window is open over the next 24 hours, sampled per minute. */
function openMinutes(from: Date, window: MaintenanceWindow): number {
  let open = 0;
  for (let minute = 0; minute < 24 * 60; minute += 1) {
    if (isInMaintenanceWindow(new Date(from.getTime() + minute * 60_000), window, nl)) open += 1;
  }
  return open;
}
