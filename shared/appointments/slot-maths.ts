import type { OpeningTimes, Weekday } from '../content/pack-schema';
import type { DayPart, Slot } from '../contract/appointments-channels';

/** Every shop keeps Dutch time; slots are computed on its wall clock and stored as instants. */
export const shopTimeZone = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: shopTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'long',
  hourCycle: 'h23',
});

interface WallClock {
  date: string;
  time: string;
  weekday: Weekday;
  minutes: number;
}

/** The shop's wall clock at an instant: its date, "HH:MM", weekday and minutes since midnight. */
export function wallClock(at: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}`;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time,
    weekday: String(parts.weekday).toLowerCase() as Weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const hourMs = 3_600_000;

/** Whether the shop is open at an instant: a period of its weekday holds the time, and the date is no closing day. */
export function openAt(rules: Pick<SlotRules, 'openingTimes' | 'closedOn'>, at: Date): boolean {
  const clock = wallClock(at);
  if (rules.closedOn.has(clock.date)) return false;
  return rules.openingTimes[clock.weekday].some((p) => p.open <= clock.time && clock.time < p.close);
}

/**
 * The instant the shop's clock shows `time` on `date`. In the autumn night that shows 02:30 twice
 * it is the first; in the spring night that skips 02:00-03:00 a time in the gap is moved past it
 * (02:30 becomes 03:30), as a wall clock would be.
 */
export function shopInstant(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offsetAt = (t: number): number => {
    const w = wallClock(new Date(t));
    return Date.parse(`${w.date}T${w.time}:00Z`) - Math.floor(t / 60_000) * 60_000;
  };
  const before = wall - offsetAt(wall - 3 * hourMs);
  const after = wall - offsetAt(wall + 3 * hourMs);
  const shows = (t: number): boolean => {
    const w = wallClock(new Date(t));
    return w.date === date && w.time === time;
  };
  const exact = [before, after].filter(shows).sort((a, b) => a - b);
  return new Date(exact[0] ?? before);
}

/** Morning before 12:00, afternoon until 17:00, evening after: the parts the desk sets advisers for. */
export function dayPartOf(at: Date): DayPart {
  const { minutes } = wallClock(at);
  if (minutes < 12 * 60) return 'morning';
  return minutes < 17 * 60 ? 'afternoon' : 'evening';
}

/** The next calendar date after `date` ("2027-03-28" -> "2027-03-29"). */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface BookedSpan {
  start: Date;
  end: Date;
}

export interface SlotRules {
  openingTimes: OpeningTimes;
  /** Public holidays and the shop's own closing days. */
  closedOn: ReadonlySet<string>;
  topic: { id: string; slotMinutes: number };
  /** Advisers taking appointments on a date in a day part. */
  advisers(date: string, dayPart: DayPart): number;
  /** Appointments that still hold their place (not cancelled), any topic. */
  booked: readonly BookedSpan[];
  /**
   * At a shop that shares its time with outposts: the places of each day part kept for them, and
   * the outpost bookings already known. A slot keeps whichever is more, so neither side's places
   * are ever given by the other.
   */
  reserved?: { places(date: string, dayPart: DayPart): number; booked: readonly BookedSpan[] };
  /** At the central API: spans a hub capped, a slot overlapping one has at most its places. */
  caps?: readonly (BookedSpan & { places: number })[];
  now: Date;
}

const overlaps = (a: BookedSpan, b: BookedSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Every slot of the topic on the shop's days from `from` for `days` days, with its remaining
 * places (0 included: the caller decides whether to show full slots). A slot starts at an opening
 * time or a whole number of slot lengths after it, ends by the closing time of its period, lies
 * after `now`, and is never on a closing day. Lengths are real minutes, so the DST nights come out
 * right: an opening 01:00-04:00 has two hours in the spring night and four in the autumn one.
 * Remaining = advisers of the slot's day part minus the appointments overlapping it (and minus
 * the places kept for outposts, where the shop shares its time).
 */
export function slotsFor(rules: SlotRules, from: string, days: number): Array<Slot & { dayPart: DayPart }> {
  const out: Array<Slot & { dayPart: DayPart }> = [];
  const lengthMs = rules.topic.slotMinutes * 60_000;
  let date = from;
  for (let i = 0; i < days; i++, date = nextDate(date)) {
    if (rules.closedOn.has(date)) continue;
    const weekday = wallClock(shopInstant(date, '12:00')).weekday;
    for (const period of rules.openingTimes[weekday]) {
      const close = shopInstant(date, period.close).getTime();
      for (let start = shopInstant(date, period.open).getTime(); start + lengthMs <= close; start += lengthMs) {
        if (start <= rules.now.getTime()) continue;
        const span = { start: new Date(start), end: new Date(start + lengthMs) };
        const dayPart = dayPartOf(span.start);
        const taken = rules.booked.filter((b) => overlaps(b, span)).length;
        const kept = rules.reserved ? Math.max(rules.reserved.places(date, dayPart), rules.reserved.booked.filter((b) => overlaps(b, span)).length) : 0;
        const places = Math.min(rules.advisers(date, dayPart), ...(rules.caps ?? []).filter((c) => overlaps(c, span)).map((c) => c.places));
        const remaining = Math.max(0, places - taken - kept);
        out.push({ start: span.start.toISOString(), end: span.end.toISOString(), topic: rules.topic.id, remaining, dayPart });
      }
    }
  }
  return out;
}

export type SlotRefusal = 'past' | 'closed-day' | 'outside-hours' | 'not-a-slot';

/** Why a start a screen sent is no slot of the topic, or the slot it is. */
export function slotAt(rules: SlotRules, start: Date): { slot: Slot & { dayPart: DayPart } } | { refused: SlotRefusal } {
  if (start.getTime() <= rules.now.getTime()) return { refused: 'past' };
  const { date, weekday } = wallClock(start);
  if (rules.closedOn.has(date)) return { refused: 'closed-day' };
  if (rules.openingTimes[weekday].length === 0) return { refused: 'closed-day' };
  const slot = slotsFor(rules, date, 1).find((s) => Date.parse(s.start) === start.getTime());
  if (slot) return { slot };
  const lengthMs = rules.topic.slotMinutes * 60_000;
  const within = rules.openingTimes[weekday].some((p) => start >= shopInstant(date, p.open) && start.getTime() + lengthMs <= shopInstant(date, p.close).getTime());
  return { refused: within ? 'not-a-slot' : 'outside-hours' };
}
