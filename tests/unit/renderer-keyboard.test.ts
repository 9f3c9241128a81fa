import { describe, expect, it } from 'vitest';
import { applyKey, firstLayer, inputRefusal, keyboardRows, type FieldState, type KeyboardLayer } from '../../renderer/src/kiosk/keyboard/keyboard-layout';
import { datePartComplete } from '../../renderer/src/kiosk/eligibility/date-answer';

const at = (value: string, start: number, end = start): FieldState => ({ value, selectionStart: start, selectionEnd: end });

describe('on-screen keyboard', () => {
  it('inserts at the caret and moves it along', () => {
    expect(applyKey(at('ac', 1), { kind: 'char', char: 'b' }, false)).toEqual(at('abc', 2));
    expect(applyKey(at('', 0), { kind: 'char', char: 'a' }, true)).toEqual(at('A', 1));
    expect(applyKey(at('ab', 2), { kind: 'space' }, false)).toEqual(at('ab ', 3));
  });

  it('replaces a selection, and backspace removes it', () => {
    expect(applyKey(at('hello', 1, 4), { kind: 'char', char: 'x' }, false)).toEqual(at('hxo', 2));
    expect(applyKey(at('hello', 1, 4), { kind: 'backspace' }, false)).toEqual(at('ho', 1));
  });

  it('backspace removes one whole character before the caret, and nothing at the start', () => {
    expect(applyKey(at('abc', 2), { kind: 'backspace' }, false)).toEqual(at('ac', 1));
    expect(applyKey(at('a😀', 3), { kind: 'backspace' }, false)).toEqual(at('a', 1));
    expect(applyKey(at('abc', 0), { kind: 'backspace' }, false)).toEqual(at('abc', 0));
  });

  it('types a whole piece with one key, such as .com', () => {
    expect(applyKey(at('sam@mail', 8), { kind: 'text', text: '.com' }, false)).toEqual(at('sam@mail.com', 12));
  });

  it('refuses a text with a character the field has no use for, never a shortened copy', () => {
    expect(inputRefusal('digits', '19e5', 4)).toBe('chars');
    expect(inputRefusal('digits', '1995', 4)).toBeNull();
    expect(inputRefusal('digits', '19955', 4)).toBe('length');
    expect(inputRefusal('tel', '+31 6 1234-5678', 20)).toBeNull();
    expect(inputRefusal('tel', '06x', 20)).toBe('chars');
    expect(inputRefusal('email', 'sam @mail.nl', 254)).toBe('chars');
    expect(inputRefusal('name', 'نور الهدى', 40)).toBeNull();
    expect(inputRefusal('name', 'Sam\tde Vries', 40)).toBe('chars');
  });

  it('opens each kind of field on its own keys: a pad for dates and phones, Arabic letters for an Arabic name', () => {
    const keysOf = (layer: KeyboardLayer, arabic = false): string[] => keyboardRows(layer, { arabic }).flat().flatMap((k) => (k.kind === 'char' ? [k.char] : k.kind === 'text' ? [k.text] : [`${k.kind}`]));
    expect(firstLayer('digits', 'nl')).toBe('digits');
    expect(keysOf('digits').filter((k) => k.length === 1).sort()).toEqual([...'0123456789'].sort());
    expect(keysOf('tel')).toEqual(expect.arrayContaining(['+', 'space', 'backspace', 'done']));
    expect(keysOf('tel').some((k) => /^[a-z]$/.test(k))).toBe(false);
    expect(keysOf('email')).toEqual(expect.arrayContaining(['@', '.', '.nl', '.com']));
    expect(firstLayer('name', 'ar')).toBe('arabic');
    expect(firstLayer('name', 'nl')).toBe('letters');
    expect(firstLayer('text', 'ar')).toBe('letters');
    expect(keysOf('arabic')).toEqual(expect.arrayContaining(['ا', 'ب', 'ت', 'ن', 'و', 'ي', 'layer']));
    expect(keyboardRows('letters', { arabic: true }).flat()).toContainEqual({ kind: 'layer', to: 'arabic' });
    expect(keyboardRows('letters').flat()).not.toContainEqual({ kind: 'layer', to: 'arabic' });
  });

  it('has every key an email address or phone number needs, on targets of the letters layer or the accents layer', () => {
    const keys = new Set([...keyboardRows('letters'), ...keyboardRows('accents')].flat().flatMap((k) => (k.kind === 'char' ? [k.char] : [])));
    for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789@.-_+') expect(keys, char).toContain(char);
    for (const char of 'éëïöü') expect(keys, char).toContain(char);
  });
});

describe('date parts', () => {
  it('move on once no further digit can follow', () => {
    expect(datePartComplete('day', '2')).toBe(false);
    expect(datePartComplete('day', '4')).toBe(true);
    expect(datePartComplete('day', '24')).toBe(true);
    expect(datePartComplete('month', '1')).toBe(false);
    expect(datePartComplete('month', '2')).toBe(true);
    expect(datePartComplete('year', '198')).toBe(false);
    expect(datePartComplete('year', '1986')).toBe(true);
  });
});
