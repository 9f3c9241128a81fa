import { describe, expect, it } from 'vitest';
import { expectedWaitMinutes, minutesPerTicket } from '../../electron/core/tickets/wait-estimate';

const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00.000Z`);

describe('the pace of the desk', () => {
  it('is the median gap between recent calls, so one long conversation does not skew it', () => {
    const calls = ['09:00', '09:10', '09:20', '09:50', '10:00', '10:10'].map(at);
    expect(minutesPerTicket(calls, at('10:15'))).toBe(10);
  });

  it('leaves out breaks, and has no basis with too few calls or a desk that stopped calling', () => {
    expect(minutesPerTicket(['09:00', '09:10', '12:00', '12:10', '12:20'].map(at), at('12:25'))).toBe(10);
    expect(minutesPerTicket(['09:00', '09:10', '09:20'].map(at), at('09:25'))).toBeNull();
    expect(minutesPerTicket(['09:00', '09:10', '09:20', '09:30'].map(at), at('10:30'))).toBeNull();
    expect(minutesPerTicket([], at('10:30'))).toBeNull();
  });

  it('only looks at the most recent calls: the morning rush does not set the afternoon pace', () => {
    const morning = ['08:30', '08:32', '08:34', '08:36', '08:38'];
    const afternoon = ['13:00', '13:20', '13:40', '14:00', '14:20', '14:40', '15:00', '15:20', '15:40'];
    expect(minutesPerTicket([...morning, ...afternoon].map(at), at('15:45'))).toBe(20);
  });
});

describe('the wait a visitor is told', () => {
  it('counts everyone ahead and half the current conversation, in steps of five minutes', () => {
    expect(expectedWaitMinutes({ waiting: 3, minutesPerTicket: 10 })).toBe(35);
    expect(expectedWaitMinutes({ waiting: 0, minutesPerTicket: 4 })).toBe(5);
    expect(expectedWaitMinutes({ waiting: 2, minutesPerTicket: 12 })).toBe(30);
  });

  it('says nothing rather than guess: no pace, or a wait so long it would mislead', () => {
    expect(expectedWaitMinutes(null)).toBeNull();
    expect(expectedWaitMinutes({ waiting: 4, minutesPerTicket: null })).toBeNull();
    expect(expectedWaitMinutes({ waiting: 15, minutesPerTicket: 10 })).toBeNull();
  });
});
