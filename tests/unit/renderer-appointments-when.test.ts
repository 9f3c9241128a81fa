import { describe, expect, it } from 'vitest';
import { byShopDay, clockParts, dateInWords, dayInWords, shopDay } from '../../renderer/src/kiosk/appointments/when';
import { contactInput } from '../../renderer/src/kiosk/appointments/contact-draft';

describe('appointment dates and times on the shop\'s clock', () => {
  it('writes the day out in the visitor\'s language, the issue\'s example included', () => {
    expect(dayInWords('2027-01-12T09:30:00Z', 'nl')).toBe('dinsdag 12 januari');
    expect(dayInWords('2027-01-12T09:30:00Z', 'en')).toBe('Tuesday 12 January');
    expect(dateInWords('2027-01-12', 'nl')).toBe('dinsdag 12 januari');
  });

  it('reads the hour in Amsterdam on both sides of the DST change, not in UTC', () => {
    expect(clockParts('2027-03-27T09:30:00Z', 'nl')).toEqual({ hour: '10', minute: '30' });
    expect(clockParts('2027-03-29T09:30:00Z', 'nl')).toEqual({ hour: '11', minute: '30' });
    expect(clockParts('2026-10-25T00:30:00Z', 'en')).toEqual({ hour: '02', minute: '30' });
    expect(clockParts('2026-10-25T01:30:00Z', 'en')).toEqual({ hour: '02', minute: '30' });
  });

  it('puts a slot late in the evening UTC on the shop\'s next day', () => {
    expect(shopDay('2027-01-11T23:30:00Z')).toBe('2027-01-12');
    const groups = byShopDay([{ start: '2027-01-11T15:00:00Z' }, { start: '2027-01-11T23:30:00Z' }, { start: '2027-01-12T08:00:00Z' }]);
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([['2027-01-11', 1], ['2027-01-12', 2]]);
  });
});

describe('the least contact data', () => {
  it('sends a first name or nothing', () => {
    expect(contactInput({ firstName: '  ' })).toEqual({});
    expect(contactInput({ firstName: ' Sanne ' })).toEqual({ firstName: 'Sanne' });
  });
});
