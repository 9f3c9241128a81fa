import { describe, expect, it } from 'vitest';
import { deskStartPayload, errorKeysFor, typedDate, type NewRequestDraft } from '../../renderer/src/counter/new-request-draft';
import type { LocalizedQuestion } from '../../shared/eligibility/outcome-schema';

const question = (id: string, kind: LocalizedQuestion['kind'], allowMonthOnly = false): LocalizedQuestion => ({ id, kind, prompt: id, allowUnknown: true, allowMonthOnly, options: [] });
const questions = [question('birthDate', 'date'), question('lastVoucherDate', 'date', true), question('livesInNetherlands', 'yesNo'), question('hadVoucher', 'yesNo')];

const draft = (patch: Partial<NewRequestDraft> = {}): NewRequestDraft => ({
  answers: { birthDate: '14-3-1985', livesInNetherlands: 'yes', hadVoucher: 'unknown', lastVoucherDate: '' },
  trajectory: 'loopbaan-apk',
  providerId: '',
  name: ' Baliebezoeker ',
  email: '',
  phone: '06 12345678',
  language: 'en',
  consent: true,
  ...patch,
});

describe('the desk\'s new-request form', () => {
  it('reads dates the way Dutch staff type them, and leaves anything else for the core to refuse', () => {
    expect(typedDate('14-03-1985')).toBe('1985-03-14');
    expect(typedDate(' 4/3/1985 ')).toBe('1985-03-04');
    expect(typedDate('14.03.1985')).toBe('1985-03-14');
    expect(typedDate('3-2022')).toBe('2022-03');
    expect(typedDate('1985-03-14')).toBe('1985-03-14');
    expect(typedDate('gisteren')).toBe('gisteren');
  });

  it('turns the draft into the channel input: answers typed, empty fields left out, nothing of its own decided', () => {
    const payload = deskStartPayload(draft(), questions);
    expect(payload).toEqual({
      ok: true,
      input: {
        answers: { birthDate: '1985-03-14', livesInNetherlands: true, hadVoucher: 'unknown' },
        trajectory: 'loopbaan-apk',
        contact: { name: 'Baliebezoeker', phone: '06 12345678' },
        language: 'en',
        consentConfirmed: true,
      },
    });
  });

  it('names every field the schema refuses at once, each with a message of its own', () => {
    const bad = draft({ trajectory: '', name: '', phone: '', consent: false });
    const payload = deskStartPayload(bad, questions);
    expect(payload.ok).toBe(false);
    const keys = payload.ok ? {} : errorKeysFor(payload.issues, bad, questions);
    expect(keys).toEqual({ trajectory: 'trajectoryNeeded', 'contact.name': 'nameNeeded', 'contact.email': 'reachNeeded', consentConfirmed: 'consentNeeded' });
  });

  it('tells an unanswered question from a date it cannot read and from an answer the rules refuse', () => {
    const typed = draft({ answers: { birthDate: '14-13', livesInNetherlands: 'yes', hadVoucher: '' } });
    const keys = errorKeysFor(
      [
        { path: 'answers.hadVoucher', message: 'needs an answer' },
        { path: 'answers.birthDate', message: 'notADate' },
        { path: 'answers.livesInNetherlands', message: 'wrongType' },
        { path: 'answers', message: 'not eligible' },
        { path: 'providerId', message: 'not offered' },
        { path: 'contact.email', message: 'bad' },
      ],
      { ...typed, email: 'x@' },
      questions,
    );
    expect(keys).toEqual({
      'answers.hadVoucher': 'answerNeeded',
      'answers.birthDate': 'dateFormat',
      'answers.livesInNetherlands': 'answerInvalid',
      answers: 'notEligible',
      providerId: 'providerInvalid',
      'contact.email': 'emailInvalid',
    });
  });
});
