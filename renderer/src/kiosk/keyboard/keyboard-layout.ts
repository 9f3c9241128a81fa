/**
 * The on-screen keyboard's keys, one layout per kind of field. Letters follow QWERTY, the layout Dutch
 * visitors know from phones; a second layer has the accents of Dutch, Turkish and Polish names. Dates
 * and phone numbers get a number pad (no letter to mistype), e-mail addresses get `@`, `.nl` and
 * `.com`, and an Arabic visitor's name starts on Arabic letters.
 */
export type KeyAction =
  | { kind: 'char'; char: string }
  /** A key that types several characters at once, such as ".com". */
  | { kind: 'text'; text: string }
  | { kind: 'backspace' }
  | { kind: 'space' }
  | { kind: 'shift' }
  | { kind: 'layer'; to: KeyboardLayer }
  | { kind: 'done' };

export type KeyboardLayer = 'letters' | 'accents' | 'arabic' | 'email' | 'digits' | 'tel';

/**
 * What a field asks for. `name` is free text that a visitor writes in their own script; `digits`
 * is a part of a date; `tel` a phone number as people write it (spaces, a leading +).
 */
export type FieldKeys = 'text' | 'name' | 'email' | 'tel' | 'digits';

/** The layers a number pad or the letter keyboards belong to, for the keyboard's shape. */
export const padLayers: ReadonlySet<KeyboardLayer> = new Set(['digits', 'tel']);

const chars = (row: string): KeyAction[] => [...row].map((char) => ({ kind: 'char', char }));
const texts = (...pieces: string[]): KeyAction[] => pieces.map((text) => ({ kind: 'text', text }));

/** The layer a field opens on: an Arabic visitor's name starts in Arabic letters. */
export function firstLayer(keys: FieldKeys, language: string): KeyboardLayer {
  switch (keys) {
    case 'digits':
      return 'digits';
    case 'tel':
      return 'tel';
    case 'email':
      return 'email';
    case 'name':
      return language === 'ar' ? 'arabic' : 'letters';
    case 'text':
      return 'letters';
  }
}

export function keyboardRows(layer: KeyboardLayer, options: { arabic?: boolean } = {}): KeyAction[][] {
  const digits = chars('1234567890');
  switch (layer) {
    case 'digits':
      return [chars('123'), chars('456'), chars('789'), [{ kind: 'backspace' }, ...chars('0'), { kind: 'done' }]];
    case 'tel':
      return [chars('123+'), [...chars('456'), { kind: 'space' }], chars('789-'), [{ kind: 'backspace' }, ...chars('0'), { kind: 'done' }]];
    case 'email':
      return [digits, chars('qwertyuiop'), chars('asdfghjkl'), [...chars('zxcvbnm'), { kind: 'backspace' }], [...chars('-_@.'), ...texts('.nl', '.com'), { kind: 'done' }]];
    case 'arabic':
      // The Arabic PC layout's letters in its order, so a visitor who knows it finds them; hamza forms on the fourth row.
      return [chars('ضصثقفغعهخحج'), chars('شسيبلاتنمكط'), chars('ئءؤرىةوزظدذ'), [...chars('أإآ'), { kind: 'backspace' }], [{ kind: 'layer', to: 'letters' }, { kind: 'space' }, { kind: 'done' }]];
    case 'accents':
      return [digits, chars('éèëêáàäöóüúïíç'), chars('ñşğıłąęśżź'), [...chars("@.-_'+&/"), { kind: 'backspace' }], [{ kind: 'layer', to: 'letters' }, { kind: 'space' }, ...chars('@.'), { kind: 'done' }]];
    case 'letters':
      return [
        digits,
        chars('qwertyuiop'),
        chars('asdfghjkl'),
        [{ kind: 'shift' }, ...chars('zxcvbnm'), { kind: 'backspace' }],
        [{ kind: 'layer', to: 'accents' }, ...(options.arabic ? [{ kind: 'layer', to: 'arabic' } as const] : []), { kind: 'space' }, ...chars('@.-'), { kind: 'done' }],
      ];
  }
}

/** Why a field does not take a text: a character it has no use for, or more than fits. */
export type InputRefusal = 'chars' | 'length';

const allowed: Record<FieldKeys, RegExp> = {
  digits: /^[0-9]*$/,
  tel: /^[0-9 +()-]*$/,
  email: /^\S*$/,
  // Line breaks and other control characters (a scanner's Tab or Enter) are never part of a typed value.
  text: /^[^\p{Cc}]*$/u,
  name: /^[^\p{Cc}]*$/u,
};

/**
 * Whether a field takes the text a key, a physical keyboard or a scanner would make. A refused text
 * is never cut down to what fits ("19e5" is not "195"): the field keeps what it had and says why.
 * Whether the value is a real date or phone number stays the core's call.
 */
export function inputRefusal(keys: FieldKeys, value: string, maxLength: number): InputRefusal | null {
  if (!allowed[keys].test(value)) return 'chars';
  if (value.length > maxLength) return 'length';
  return null;
}

export interface FieldState {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/** What a key does to a field: insert at the caret (replacing a selection), or delete before it. */
export function applyKey(field: FieldState, key: KeyAction, upper: boolean): FieldState {
  const start = Math.min(field.selectionStart, field.selectionEnd, field.value.length);
  const end = Math.min(Math.max(field.selectionStart, field.selectionEnd), field.value.length);
  const insert = (piece: string): FieldState => {
    const value = field.value.slice(0, start) + piece + field.value.slice(end);
    return { value, selectionStart: start + piece.length, selectionEnd: start + piece.length };
  };
  switch (key.kind) {
    case 'char':
      return insert(upper ? key.char.toLocaleUpperCase() : key.char);
    case 'text':
      return insert(key.text);
    case 'space':
      return insert(' ');
    case 'backspace': {
      if (start !== end) return { value: field.value.slice(0, start) + field.value.slice(end), selectionStart: start, selectionEnd: start };
      if (start === 0) return field;
      // Remove a whole code point, so an emoji or astral character is never cut in half.
      const before = [...field.value.slice(0, start)];
      before.pop();
      const head = before.join('');
      return { value: head + field.value.slice(end), selectionStart: head.length, selectionEnd: head.length };
    }
    default:
      return field;
  }
}
