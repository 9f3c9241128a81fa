import { createContext, useContext } from 'react';

/** The text field the on-screen keyboard types into. */
export interface KeyboardTarget {
  element: HTMLInputElement;
  setValue(value: string): void;
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
