import fc from 'fast-check';
import { UsageStatistics } from '../../../shared/central-api/devices';
import { describe, expect, it } from 'vitest';
import { publishDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey, PublishedCount, publishCount, suppressGroup, type Cell, type PublishedCell } from '../../../shared/stats/suppression';

const cells = (counts: Record<string, number>): Cell[] => Object.entries(counts).map(([key, count]) => ({ key, count }));
const total = (cs: readonly Cell[]) => cs.reduce((n, c) => n + c.count, 0);
const numbers = (out: readonly PublishedCell[]) => out.map((c) => c.count).filter((v): v is number => typeof v === 'number');

describe('small-cell suppression', () => {
  it('publishes a count of 0 or of 5 and more as it is, and 1-4 as "<5"', () => {
    expect([0, 1, 4, 5, 12].map(publishCount)).toEqual([0, '<5', '<5', 5, 12]);
    expect(PublishedCount.safeParse(3).success).toBe(false);
    expect(PublishedCount.safeParse(5).success).toBe(true);
    expect(PublishedCount.safeParse('<5').success).toBe(true);
  });

  it('is enforced by the central API contract: a device that sends a 3 is refused', () => {
    const body = (value: unknown) => ({ locationId: 'zwolle-centrum', from: '2026-11-22T23:00:00.000Z', to: '2026-11-23T23:00:00.000Z', counts: [{ metric: 'tickets', value }] });
    expect(UsageStatistics.safeParse(body(3)).success).toBe(false);
    expect(UsageStatistics.safeParse(body('<5')).success).toBe(true);
    expect(UsageStatistics.safeParse(body(7)).success).toBe(true);
  });

  it('leaves a group without small cells alone', () => {
    const group = cells({ voucher: 9, 'cv-check': 6 });
    expect(suppressGroup(15, group)).toEqual([{ key: 'voucher', count: 9 }, { key: 'cv-check', count: 6 }]);
  });

  it('merges a small cell with the smallest visible one (complementary), so the total minus the rest gives nothing away', () => {
    // Without the complementary cell, "merged" would be 17 - 9 - 6 = 2: the small cell itself.
    const out = suppressGroup(17, cells({ voucher: 9, 'cv-check': 6, debt: 2 }));
    expect(out).toEqual([{ key: 'voucher', count: 9 }, { key: mergedKey, count: 8 }]);
  });

  it('merges two small cells that add up to 5 or more without touching a visible cell', () => {
    expect(suppressGroup(20, cells({ a: 12, b: 3, c: 3, d: 2 }))).toEqual([{ key: 'a', count: 12 }, { key: mergedKey, count: 8 }]);
  });

  it('takes more visible cells when two small cells still add up to under 5', () => {
    // 1 + 2 = 3 would be recomputable as "two visitors, so 1 and 2 or 2 and 1" from 26 - 23.
    expect(suppressGroup(31, cells({ a: 15, b: 8, c: 5, d: 1, e: 2 }))).toEqual([{ key: 'a', count: 15 }, { key: 'b', count: 8 }, { key: mergedKey, count: 8 }]);
  });

  it('merges the whole group when there is nothing left to hide a small cell behind', () => {
    expect(suppressGroup(6, cells({ kiosk: 2, desk: 4 }))).toEqual([{ key: mergedKey, count: 6 }]);
    expect(suppressGroup(7, cells({ kiosk: 2, desk: 5 }))).toEqual([{ key: mergedKey, count: 7 }]);
  });

  it('turns a group whose total is under 5 into one "<5"', () => {
    expect(suppressGroup(3, cells({ a: 2, b: 1 }))).toEqual([{ key: mergedKey, count: '<5' }]);
    expect(suppressGroup(0, cells({ a: 0 }))).toEqual([]);
  });

  it('drops zero cells (they are not sent) and breaks ties between equal counts by key, so the result is stable', () => {
    expect(suppressGroup(14, cells({ b: 5, a: 5, c: 4, z: 0 }))).toEqual([{ key: 'b', count: 5 }, { key: mergedKey, count: 9 }]);
  });

  it('for any group: no 1-4 as a number, the numbers never exceed the total, and no lone small cell can be recomputed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const group = counts.map((count, i) => ({ key: `k${String(i).padStart(2, '0')}`, count }));
        const sum = total(group);
        const out = suppressGroup(sum, group);
        for (const c of out) expect(PublishedCount.safeParse(c.count).success).toBe(true);
        const visible = out.filter((c) => c.key !== mergedKey);
        for (const c of visible) expect(c.count).toBe(group.find((g) => g.key === c.key)?.count);
        const merged = out.find((c) => c.key === mergedKey);
        if (!merged) return;
        // What an outsider recomputes: the total minus the visible cells is the merged count. It
        // must be either "<5" for the whole day or at least 5 spread over at least two cells.
        const members = group.filter((g) => g.count > 0 && !visible.some((v) => v.key === g.key));
        if (merged.count === '<5') {
          expect(visible).toEqual([]);
        } else {
          expect(merged.count).toBe(sum - numbers(visible).reduce((n, v) => n + v, 0));
          expect(merged.count).toBeGreaterThanOrEqual(5);
          expect(members.length >= 2 || (members[0]?.count ?? 0) >= 5).toBe(true);
        }
      }),
    );
  });
});

describe('a day published', () => {
  const day = {
    day: '2026-11-23',
    tickets: 12,
    ticketsByTopic: cells({ voucher: 8, 'cv-check': 3, debt: 1 }),
    ticketOutcomes: cells({ served: 12 }),
    requests: 3,
    requestsByTrajectory: cells({ 'career-advice': 3 }),
    requestsByLanguage: cells({ nl: 2, ar: 1 }),
    requestsByOrigin: cells({ kiosk: 3 }),
    eligibilityOutcomes: cells({ eligible: 3 }),
    requestOutcomes: cells({ completed: 3 }),
    invitationsByCampaign: cells({ 'zwolle-45-2026': 6, 'utrecht-herstart-2026': 1 }),
    feedback: [{ service: 'ticket', rating: 'good', count: 6 }, { service: 'ticket', rating: 'okay', count: 5 }, { service: 'scan', rating: 'good', count: 2 }],
    feedbackWeek: [{ service: 'ticket', rating: 'good', count: 20 }, { service: 'ticket', rating: 'bad', count: 1 }, { service: 'ticket', rating: 'okay', count: 9 }],
    appointmentsBooked: cells({ 'eerste-gesprek': 9, 'cv-gesprek': 2 }),
    appointmentsKept: cells({ 'eerste-gesprek': 6 }),
    appointmentsNoShow: cells({ 'eerste-gesprek': 3 }),
    sessionSignUps: cells({ 'info-avond': 12, 'werken-in-de-zorg': 5 }),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, tickets: hour === 10 ? 7 : hour === 11 ? 5 : 0, requests: hour === 10 ? 3 : 0 })),
  };

  it('holds no count between 1 and 4 anywhere', () => {
    const out = publishDailyStats(day);
    const all = JSON.stringify(out);
    expect(all).not.toMatch(/"count":[1-4][,}]/);
    expect(out.tickets).toBe(12);
    expect(out.requests).toBe('<5');
    expect(out.requestsByLanguage).toEqual([{ key: mergedKey, count: '<5' }]);
    // 3 + 1 is still under 5, so the voucher count joins them and only the total is left.
    expect(out.ticketsByTopic).toEqual([{ key: mergedKey, count: 12 }]);
    expect(out.ticketsByHour).toEqual([{ key: '10', count: 7 }, { key: '11', count: 5 }]);
    expect(out.invitations).toBe(7);
    expect(out.invitationsByCampaign).toEqual([{ key: mergedKey, count: 7 }]);
    expect(out.feedbackByService).toEqual([{ key: 'scan-merged', count: '<5' }, { key: 'ticket-good', count: 6 }, { key: 'ticket-okay', count: 5 }]);
    expect(out.feedbackWeekByService).toEqual([{ key: 'ticket-good', count: 20 }, { key: 'ticket-merged', count: 10 }]);
    // Appointments follow the same rule: a topic booked twice merges (with the other, or 11 - 9 gives it away).
    expect(out.appointmentsBooked).toEqual([{ key: mergedKey, count: 11 }]);
    expect(out.appointmentsKept).toEqual([{ key: 'eerste-gesprek', count: 6 }]);
    expect(out.appointmentsNoShow).toEqual([{ key: mergedKey, count: '<5' }]);
    expect(out.sessionSignUps).toEqual([{ key: 'info-avond', count: 12 }, { key: 'werken-in-de-zorg', count: 5 }]);
  });
});
