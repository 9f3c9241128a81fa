import { describe, expect, it } from 'vitest';
import { composeReceipt } from '../../../electron/core/printing/compose-receipt';
import { queueTicket } from '../../support/printing-fixtures';

const lines = (language: 'nl' | 'en' | 'ar'): string[] =>
  composeReceipt({ ...queueTicket(), language }, { copy: false }, { shopName: 'Loopbaanwinkel Utrecht', charactersPerLine: 42 }).blocks.flatMap((b) => (b.type === 'text' ? b.lines : []));

describe('receipt language', () => {
  it('prints an Arabic visitor\'s ticket in English: the printer\'s code page has no Arabic letters', () => {
    expect(lines('ar')).toContain('Your number');
    expect(lines('ar')).toEqual(lines('en'));
    expect(lines('nl')).toContain('Je nummer');
  });
});
