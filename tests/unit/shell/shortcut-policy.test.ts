import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyInput } from '../../../electron/shell/main/shortcut-policy';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, code: '', control: false, shift: false, alt: false, meta: false, ...mods });

const escapes: [string, KeyInput][] = [
  ['devtools F12', key('F12')],
  ['devtools Ctrl+Shift+I', key('I', { control: true, shift: true })],
  ['devtools Cmd+Alt+I', key('i', { meta: true, alt: true })],
  ['reload Ctrl+R', key('r', { control: true })],
  ['reload F5', key('F5')],
  ['hard reload Ctrl+Shift+R', key('R', { control: true, shift: true })],
  ['close Ctrl+W', key('w', { control: true })],
  ['quit Ctrl+Q', key('q', { control: true })],
  ['close Alt+F4', key('F4', { alt: true })],
  ['full screen F11', key('F11')],
  ['print Ctrl+P', key('p', { control: true })],
  ['zoom Ctrl+=', key('=', { control: true })],
  ['history Alt+Left', key('ArrowLeft', { alt: true })],
  ['browser back key', key('BrowserBack')],
  ['menu bar Alt', key('Alt', { alt: true })],
  ['context-menu key', key('ContextMenu')],
  ['Windows key', key('Meta', { meta: true })],
];

describe('shortcuts on a packaged kiosk', () => {
  it.each(escapes)('swallows %s', (_name, input) => {
    expect(isBlockedShortcut(input, 'kiosk', true)).toBe(true);
  });

  it('lets a visitor type, tab through the form, submit and close a dialog', () => {
    for (const input of [key('a'), key('A', { shift: true }), key('@', { shift: true }), key('Tab'), key('Tab', { shift: true }), key('Enter'), key('Escape'), key('Backspace'), key('ArrowDown'), key(' ')]) {
      expect(isBlockedShortcut(input, 'kiosk', true)).toBe(false);
    }
  });
});

describe('shortcuts on a packaged counter desk', () => {
  it('swallows devtools, reload and browser history keys', () => {
    for (const input of [key('F12'), key('J', { control: true, shift: true }), key('r', { control: true }), key('F5'), key('BrowserBack')]) {
      expect(isBlockedShortcut(input, 'counter', true)).toBe(true);
    }
  });

  it('keeps the staff menu shortcuts, copy and paste', () => {
    for (const input of [key('U', { control: true, shift: true }), key('c', { control: true }), key('v', { control: true }), key('=', { control: true }), key('F11'), key('q', { control: true })]) {
      expect(isBlockedShortcut(input, 'counter', true)).toBe(false);
    }
  });
});

describe('development builds', () => {
  it('keep devtools and reload for developers', () => {
    expect(isBlockedShortcut(key('F12'), 'kiosk', false)).toBe(false);
    expect(isBlockedShortcut(key('r', { control: true }), 'kiosk', false)).toBe(false);
  });
});
