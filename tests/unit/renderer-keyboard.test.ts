import { describe, expect, it } from 'vitest';
import { applyKey, keyboardRows, type FieldState } from '../../renderer/src/kiosk/keyboard/keyboard-layout';

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

  it('stops at the field maximum length', () => {
    expect(applyKey(at('abc', 3), { kind: 'char', char: 'd' }, false, 3)).toEqual(at('abc', 3));
  });

  it('has every key an email address or phone number needs, on targets of the letters layer or the accents layer', () => {
    const keys = new Set([...keyboardRows('letters'), ...keyboardRows('accents')].flat().flatMap((k) => (k.kind === 'char' ? [k.char] : [])));
    for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789@.-_+') expect(keys, char).toContain(char);
    for (const char of 'éëïöü') expect(keys, char).toContain(char);
  });
});
