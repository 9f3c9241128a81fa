import { describe, expect, it } from 'vitest';
import { canRequest } from '../../shared/eligibility/can-request';
import { dateAnswerFrom, datePartsFrom } from '../../renderer/src/kiosk/eligibility/date-answer';

describe('kiosk eligibility screens', () => {
  it('puts typed date parts together as the engine reads them', () => {
    expect(dateAnswerFrom({ day: '7', month: '3', year: '1985' }, false)).toBe('1985-03-07');
    expect(dateAnswerFrom({ day: '', month: '11', year: '2022' }, true)).toBe('2022-11');
  });

  it('asks for the missing part instead of guessing it', () => {
    expect(dateAnswerFrom({ day: '', month: '3', year: '1985' }, false)).toBe('incomplete');
    expect(dateAnswerFrom({ day: '7', month: '', year: '1985' }, true)).toBe('incomplete');
    expect(dateAnswerFrom({ day: '7', month: '3', year: ' ' }, false)).toBe('incomplete');
  });

  it('shows an earlier answer again as the visitor typed it', () => {
    expect(datePartsFrom('1985-03-07')).toEqual({ year: '1985', month: '3', day: '7' });
    expect(datePartsFrom('2022-11')).toEqual({ year: '2022', month: '11', day: '' });
    expect(datePartsFrom('unknown')).toEqual({ year: '', month: '', day: '' });
  });

  it('lets a request start after an eligible or needs-staff check, never without a check or after a refusal', () => {
    const snapshot = { reasonCodes: [], provisional: true, ruleSetVersion: '1' };
    expect(canRequest(null)).toBe(false);
    expect(canRequest({ ...snapshot, outcome: 'eligible' })).toBe(true);
    expect(canRequest({ ...snapshot, outcome: 'needsStaff' })).toBe(true);
    expect(canRequest({ ...snapshot, outcome: 'notEligible' })).toBe(false);
  });
});
