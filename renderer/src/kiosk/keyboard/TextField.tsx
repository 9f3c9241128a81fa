import { useId, useRef } from 'react';
import { useKeyboard } from './keyboard-context';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A plain-words hint under the label, such as "for example naam@voorbeeld.nl". */
  hint?: string;
  error?: string;
  /** No 'email': browsers give email fields no caret position, and the keyboard types at the caret. */
  type?: 'text' | 'tel' | 'search';
  autoComplete?: string;
  maxLength?: number;
  name: string;
  /** The screen exists to type here (search): focus, and so the keyboard, come here on arrival. */
  autoFocus?: boolean;
}

/**
 * Every text field on the kiosk. inputMode="none" keeps the operating system's own keyboard away:
 * the on-screen keyboard opens instead, below the field, and types into it. Leaving the field does
 * not close the keyboard: closing it would move the buttons under a finger that is mid-tap (the
 * "Next" below the form would slide away). It closes with its own "Done" key or on the next screen.
 */
export function TextField({ label, value, onChange, hint, error, type = 'text', autoComplete = 'off', maxLength = 120, name, autoFocus = false }: Props) {
  const id = useId();
  const keyboard = useKeyboard();
  const ref = useRef<HTMLInputElement>(null);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const openKeyboard = (): void => {
    if (ref.current) keyboard.open({ element: ref.current, setValue: onChange });
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        name={name}
        className="field__input"
        type={type}
        inputMode="none"
        value={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-osk="true"
        data-autofocus={autoFocus || undefined}
        onFocus={openKeyboard}
        onClick={openKeyboard}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
