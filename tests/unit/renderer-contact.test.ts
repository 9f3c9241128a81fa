import { describe, expect, it } from 'vitest';
import { contactFrom, contactProblems } from '../../renderer/src/kiosk/voucher/contact-errors';

describe('kiosk contact step', () => {
  it('accepts a name with an e-mail address or a phone number', () => {
    expect(contactProblems({ name: 'Sam', email: 'sam@voorbeeld.nl', phone: '' })).toEqual({});
    expect(contactProblems({ name: 'Sam', email: '', phone: '06 12345678' })).toEqual({});
  });

  it('names each problem at its own field', () => {
    expect(contactProblems({ name: ' ', email: '', phone: '' })).toEqual({ name: 'nameMissing', email: 'reachMissing' });
    expect(contactProblems({ name: 'Sam', email: 'sam@', phone: '' })).toEqual({ email: 'emailInvalid' });
    expect(contactProblems({ name: 'Sam', email: '', phone: '12ab' })).toEqual({ phone: 'phoneInvalid' });
  });

  it('sends empty fields as "not given", trimmed', () => {
    expect(contactFrom({ name: ' Sam ', email: '', phone: ' 0612345678 ' })).toEqual({ name: 'Sam', phone: '0612345678' });
  });
});
