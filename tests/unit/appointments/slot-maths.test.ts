import { describe, expect, it } from 'vitest';
import { dayPartOf, openAt, shopInstant, slotAt, slotsFor, type SlotRules } from '../../../shared/appointments/slot-maths';
import { OpeningTimes } from '../../../shared/content/pack-schema';

const weekdaysTen = OpeningTimes.parse({
  monday: [{ open: '10:00', close: '12:00' }],
  tuesday: [{ open: '09:00', close: '12:30' }, { open: '13:30', close: '16:00' }],
  thursday: [{ open: '10:00', close: '20:00' }],
  sunday: [{ open: '01:00', close: '04:00' }],
});

const rules = (over: Partial<SlotRules> = {}): SlotRules => ({
  openingTimes: weekdaysTen,
  closedOn: new Set(),
  topic: { id: 'eerste-gesprek', slotMinutes: 30 },
  advisers: () => 1,
  booked: [],
  now: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

const local = (iso: string): string => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const starts = (r: SlotRules, day: string) => slotsFor(r, day, 1).map((s) => local(s.start));

describe('open now (the kiosk offers an appointment prominently when the shop is closed)', () => {
  it.each([
    ['09:00 on a Tuesday, the opening minute', '2027-01-12T08:00:00Z', true],
    ['08:59, a minute before', '2027-01-12T07:59:00Z', false],
    ['13:00, the lunch break', '2027-01-12T12:00:00Z', false],
    ['16:00, the closing minute', '2027-01-12T15:00:00Z', false],
    ['a Wednesday, no opening times', '2027-01-13T10:00:00Z', false],
    ['19:30 on a Thursday evening, open until 20:00', '2027-01-14T18:30:00Z', true],
    ['02:30 in the autumn DST night, the second time the clock shows it', '2026-10-25T01:30:00Z', true],
  ])('%s', (_case, at, open) => {
    expect(openAt(rules(), new Date(at))).toBe(open);
  });

  it('a closing day is closed even within the opening times', () => {
    expect(openAt(rules({ closedOn: new Set(['2027-01-12']) }), new Date('2027-01-12T09:00:00Z'))).toBe(false);
  });
});

describe('slot maths', () => {
  it.each([
    // [case, rules, day, expected local start times]
    ['a Monday morning of 2 hours gives four half-hour slots', rules(), '2027-01-11', ['10:00', '10:30', '11:00', '11:30']],
    ['an hour-long topic gives whole hours, none running past closing', rules({ topic: { id: 'cv-hulp', slotMinutes: 60 } }), '2027-01-11', ['10:00', '11:00']],
    ['a lunch break: no slot spans it, the afternoon starts at its own opening', rules({ topic: { id: 'cv-hulp', slotMinutes: 60 } }), '2027-01-12', ['09:00', '10:00', '11:00', '13:30', '14:30']],
    ['a closed weekday (Wednesday) has none', rules(), '2027-01-13', []],
    ['a closing day (a public holiday on a Monday) has none', rules({ closedOn: new Set(['2027-03-29']) }), '2027-03-29', []],
    ['spring DST night 2027-03-28: 01:00-04:00 is two real hours', rules(), '2027-03-28', ['01:00', '01:30', '03:00', '03:30']],
    ['autumn DST night 2026-10-25: 01:00-04:00 is four real hours, 02:00 and 02:30 twice', rules(), '2026-10-25', ['01:00', '01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30']],
    ['slots already passed today are not offered', rules({ now: new Date('2027-01-11T09:40:00Z') }), '2027-01-11', ['11:00', '11:30']],
    ['a slot starting this very minute is past', rules({ now: new Date('2027-01-11T10:00:00Z') }), '2027-01-11', ['11:30']],
  ])('%s', (_case, r, day, expected) => {
    expect(starts(r, day)).toEqual(expected);
  });

  it('places DST-day slots at the right instants', () => {
    expect(slotsFor(rules(), '2027-03-28', 1).map((s) => s.start)).toEqual(['2027-03-28T00:00:00.000Z', '2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z']);
    expect(slotsFor(rules(), '2026-10-25', 1).map((s) => s.start).slice(3, 6)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(shopInstant('2027-03-28', '02:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(shopInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(shopInstant('2027-07-01', '10:00').toISOString()).toBe('2027-07-01T08:00:00.000Z');
    expect(shopInstant('2027-01-01', '10:00').toISOString()).toBe('2027-01-01T09:00:00.000Z');
  });

  it('gives each slot the advisers of its day part minus the overlapping appointments', () => {
    const advisers = (_date: string, part: string) => ({ morning: 2, afternoon: 1, evening: 0 })[part] ?? 0;
    const booked = [
      { start: new Date('2027-01-14T09:00:00Z'), end: new Date('2027-01-14T10:00:00Z') }, // 10:00-11:00 local, an hour-long topic
      { start: new Date('2027-01-14T13:00:00Z'), end: new Date('2027-01-14T13:30:00Z') }, // 14:00 local
    ];
    const slots = slotsFor(rules({ advisers, booked }), '2027-01-14', 1);
    const at = (time: string) => slots.find((s) => local(s.start) === time);
    expect(at('10:00')).toMatchObject({ remaining: 1, dayPart: 'morning' });
    expect(at('10:30')).toMatchObject({ remaining: 1 });
    expect(at('11:00')).toMatchObject({ remaining: 2 });
    expect(at('14:00')).toMatchObject({ remaining: 0, dayPart: 'afternoon' });
    expect(at('14:30')).toMatchObject({ remaining: 1 });
    expect(at('17:00')).toMatchObject({ remaining: 0, dayPart: 'evening' });
    expect(dayPartOf(new Date('2027-01-14T10:59:00Z'))).toBe('morning');
    expect(dayPartOf(new Date('2027-01-14T11:00:00Z'))).toBe('afternoon');
  });

  it.each([
    ['a passed start', '2027-01-11T08:00:00Z', { now: new Date('2027-01-11T09:00:00Z') }, 'past'],
    ['a closing day', '2027-03-29T09:00:00Z', { closedOn: new Set(['2027-03-29']) }, 'closed-day'],
    ['a closed weekday', '2027-01-13T09:00:00Z', {}, 'closed-day'],
    ['before opening', '2027-01-11T07:00:00Z', {}, 'outside-hours'],
    ['running past closing', '2027-01-11T10:45:00Z', {}, 'outside-hours'],
    ['off the grid', '2027-01-11T09:10:00Z', {}, 'not-a-slot'],
  ])('refuses %s', (_case, start, over, reason) => {
    expect(slotAt(rules(over), new Date(start))).toEqual({ refused: reason });
  });

  it('finds the slot a valid start names', () => {
    expect(slotAt(rules(), new Date('2027-01-11T09:30:00Z'))).toEqual({ slot: expect.objectContaining({ start: '2027-01-11T09:30:00.000Z', end: '2027-01-11T10:00:00.000Z', remaining: 1 }) });
  });
});
