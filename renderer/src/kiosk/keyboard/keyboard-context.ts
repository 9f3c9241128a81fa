import { createContext, useContext } from 'react';
import type { FieldKeys } from './keyboard-layout';

/** The text field the on-screen keyboard types into. */
export interface KeyboardTarget {
  element: HTMLInputElement;
  /** Which keys the field asks for: the keyboard shows those. */
  keys: FieldKeys;
  /** Offers the text a key would make; the field takes it (true) or tells the visitor why not (false). */
  offer(value: string): boolean;
}

export interface KeyboardApi {
  open(target: KeyboardTarget): void;
}

export const KeyboardContext = createContext<KeyboardApi | null>(null);

export function useKeyboard(): KeyboardApi {
  const api = useContext(KeyboardContext);
  if (!api) throw new Error('useKeyboard() outside the kiosk');
  return api;
}
