import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatTime, parseDay } from '../../shared/domain/location-time';

describe("the location's clock on the desk", () => {
  it('shows moments in Dutch time and Dutch numeric form, in winter and in summer', () => {
    // 13:05 UTC is 14:05 in Amsterdam in winter and 15:05 in summer, whatever TZ the process has.
    expect(formatDateTime('2026-02-12T13:05:00Z')).toBe('12-02-2026 14:05');
    expect(formatDateTime('2026-07-12T13:05:00Z')).toBe('12-07-2026 15:05');
    // Just before midnight UTC is the next day in Amsterdam.
    expect(formatDate('2026-02-12T23:30:00Z')).toBe('13-02-2026');
    expect(formatTime('2026-02-12T23:30:00Z')).toBe('00:30');
  });

  it('reads a day as staff type it and writes it back the Dutch way', () => {
    const table: Array<[string, string | null]> = [
      ['12-02-2026', '2026-02-12'],
      ['2-2-2026', '2026-02-02'],
      ['12.02.2026', '2026-02-12'],
      ['12/02/2026', '2026-02-12'],
      [' 12 02 2026 ', '2026-02-12'],
      ['31-02-2026', null],
      ['2026-02-12', null],
      ['12-13-2026', null],
      ['gisteren', null],
      ['', null],
    ];
    for (const [typed, day] of table) expect(parseDay(typed), typed).toBe(day);
    expect(formatDay('2026-02-12')).toBe('12-02-2026');
  });
});
