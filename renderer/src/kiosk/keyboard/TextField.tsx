import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyboard } from './keyboard-context';
import { inputRefusal, type FieldKeys, type InputRefusal } from './keyboard-layout';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A plain-words hint under the label, such as "for example naam@voorbeeld.nl". */
  hint?: string;
  error?: string;
  /** The keys the field asks for; the on-screen keyboard shows those and the field refuses others. */
  keys?: FieldKeys;
  search?: boolean;
  autoComplete?: string;
  maxLength?: number;
  name: string;
  /** The screen exists to type here (search): focus, and so the keyboard, come here on arrival. */
  autoFocus?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  /**
   * For fields that share one message line (the parts of a date): the field hands its refusal to the
   * group instead of showing it under itself. The group's line is `messageId`.
   */
  onRefusal?(note: RefusalNote | null): void;
  messageId?: string;
}

/** A text a field did not take, and what the field asks for. */
export interface RefusalNote {
  refusal: InputRefusal;
  keys: FieldKeys;
  maxLength: number;
}

/** Tells a visitor in words why a key did nothing: a refusal that only shows as "nothing happened" reads as a broken screen. */
export function useRefusalText(): (note: RefusalNote) => string {
  const { t } = useTranslation();
  return ({ refusal, keys, maxLength }) =>
    refusal === 'chars' ? t(`keyboard.refused.${keys}`) : t(keys === 'digits' ? 'keyboard.full.digits' : 'keyboard.full.text', { max: maxLength });
}

/**
 * Every text field on the kiosk. inputMode="none" keeps the operating system's own touch keyboard
 * away (it would cover ours and the buttons); a physical keyboard or a wedge scanner still types,
 * through the same check as the on-screen keys. The `type` and `autoComplete` say what the field is
 * (tel, search, email), which is what autofill, scanners and assistive technology read. Leaving the
 * field does not close the keyboard: closing it would move the buttons under a finger that is
 * mid-tap. It closes with its own "Done" key or on the next screen.
 *
 * The line under the field is always there, empty or not, so a message appearing or going away never
 * moves the form under the visitor's finger.
 */
export function TextField(props: Props) {
  const { label, value, hint, error, keys = 'text', search = false, autoComplete = 'off', maxLength = 120, name, autoFocus = false, onRefusal, messageId } = props;
  const id = useId();
  const keyboard = useKeyboard();
  const ownRef = useRef<HTMLInputElement>(null);
  const ref = props.inputRef ?? ownRef;
  const [refusal, setRefusal] = useState<RefusalNote | null>(null);
  const refusalText = useRefusalText();
  // The keyboard keeps its target while the field stays focused: it must reach the newest handler.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const offer = (next: string): boolean => {
    const current = latest.current;
    const limit = current.maxLength ?? maxLength;
    const kind = current.keys ?? keys;
    const refused = inputRefusal(kind, next, limit);
    // The note stays while the visitor types on ("19e5" typed key by key leaves "195" and the note);
    // it goes when they delete, which is how they answer it.
    const note = refused ? { refusal: refused, keys: kind, maxLength: limit } : next.length < current.value.length ? null : undefined;
    if (note !== undefined) {
      if (current.onRefusal) current.onRefusal(note);
      else setRefusal(note);
    }
    if (!refused) current.onChange(next);
    return !refused;
  };

  const ownMessageId = `${id}-message`;
  const message = refusal ? refusalText(refusal) : error;
  const describedBy = [hint ? `${id}-hint` : '', onRefusal ? (messageId ?? '') : message ? ownMessageId : ''].filter(Boolean).join(' ') || undefined;
  const openKeyboard = (): void => {
    if (ref.current) keyboard.open({ element: ref.current, keys, offer });
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <div className="field__head">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
      <input
        ref={ref}
        id={id}
        name={name}
        className="field__input"
        type={search ? 'search' : keys === 'tel' ? 'tel' : 'text'}
        inputMode="none"
        // An address or a number reads left to right, also on an Arabic screen.
        dir={keys === 'email' || keys === 'tel' || keys === 'digits' ? 'ltr' : undefined}
        value={value}
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-osk="true"
        data-keys={keys}
        data-autofocus={autoFocus || undefined}
        onFocus={openKeyboard}
        onClick={openKeyboard}
        // A refused change is not stored, so the field shows what it had (never a shortened copy).
        onChange={(event) => offer(event.target.value)}
      />
      {!onRefusal && <FieldMessage id={ownMessageId} message={message} testId={`${name}-message`} />}
    </div>
  );
}

/**
 * The line under a field (or a group of fields) for what went wrong. Always there, empty or not, so
 * a message coming or going never moves the form; a live region, so a screen reader says it.
 */
export function FieldMessage({ id, message, testId }: { id: string; message: string | null | undefined; testId: string }) {
  return (
    <p className="field__message" id={id} aria-live="polite" data-testid={testId}>
      {message && (
        <>
          <span aria-hidden="true">⚠ </span>
          {message}
        </>
      )}
    </p>
  );
}
