/**
 * The on-screen keyboard's keys. Letters follow QWERTY, the layout Dutch visitors know from phones;
 * a second layer has the accents of Dutch, Turkish and Polish names and the symbols email addresses need.
 */
export type KeyAction = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'space' } | { kind: 'shift' } | { kind: 'layer' } | { kind: 'done' };

export type KeyboardLayer = 'letters' | 'accents';

const chars = (row: string): KeyAction[] => [...row].map((char) => ({ kind: 'char', char }));

export function keyboardRows(layer: KeyboardLayer): KeyAction[][] {
  const digits = chars('1234567890');
  if (layer === 'accents') {
    return [digits, chars('éèëêáàäöóüúïíç'), chars('ñşğıłąęśżź'), [...chars("@.-_'+&/"), { kind: 'backspace' }], [{ kind: 'layer' }, { kind: 'space' }, ...chars('@.'), { kind: 'done' }]];
  }
  return [
    digits,
    chars('qwertyuiop'),
    chars('asdfghjkl'),
    [{ kind: 'shift' }, ...chars('zxcvbnm'), { kind: 'backspace' }],
    [{ kind: 'layer' }, { kind: 'space' }, ...chars('@.-'), { kind: 'done' }],
  ];
}

export interface FieldState {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

/** What a key does to a field: insert at the caret (replacing a selection), or delete before it. */
export function applyKey(field: FieldState, key: KeyAction, upper: boolean, maxLength = Number.POSITIVE_INFINITY): FieldState {
  const start = Math.min(field.selectionStart, field.selectionEnd, field.value.length);
  const end = Math.min(Math.max(field.selectionStart, field.selectionEnd), field.value.length);
  const insert = (text: string): FieldState => {
    const room = maxLength - (field.value.length - (end - start));
    if (room <= 0) return field;
    const piece = text.slice(0, room);
    const value = field.value.slice(0, start) + piece + field.value.slice(end);
    return { value, selectionStart: start + piece.length, selectionEnd: start + piece.length };
  };
  switch (key.kind) {
    case 'char':
      return insert(upper ? key.char.toLocaleUpperCase() : key.char);
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
