import { describe, expect, it } from 'vitest';
import { pickLanguage, pickText } from '../../shared/content/localized-text';

describe('a pack text in the visitor\'s language, or its fallback', () => {
  const text = { nl: 'Welkom', en: 'Welcome', uk: 'Ласкаво просимо' };

  it('takes the visitor\'s own language when the text has it', () => {
    expect(pickText(text, 'uk')).toBe('Ласкаво просимо');
    expect(pickLanguage(text, 'uk')).toBe('uk');
  });

  it('falls back to English, then Dutch, and says which, so the screen can mark that part with its lang', () => {
    expect(pickText(text, 'tr')).toBe('Welcome');
    expect(pickLanguage(text, 'tr')).toBe('en');
    expect(pickLanguage({ nl: 'Alleen Nederlands' } as unknown as typeof text, 'pl')).toBe('nl');
    expect(pickText({ nl: 'Alleen Nederlands' } as unknown as typeof text, 'pl')).toBe('Alleen Nederlands');
  });
});
