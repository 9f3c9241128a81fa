import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

interface FrameProps {
  label: string;
  hint?: string;
  error?: string | null;
  /** The control, given its id and the ids of the hint and error that describe it. */
  children(control: { id: string; describedBy: string | undefined }): ReactNode;
}

/** Label, hint and error around one control, read out with it (aria-describedby), never by colour alone. */
function FieldFrame({ label, hint, error, children }: FrameProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, describedBy })}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** Moves focus to the first field of `order` that has an error; true when there was one. */
export function focusFirstError<K extends string>(errors: Partial<Record<K, unknown>>, order: readonly K[], fields: Partial<Record<K, { current: HTMLElement | null }>>): boolean {
  const first = order.find((key) => errors[key]);
  if (first === undefined) return false;
  fields[first]?.current?.focus();
  return true;
}

/** A labelled input with its hint and error. */
export function Field({ label, hint, error, inputRef, ...input }: Props) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => <input id={id} ref={inputRef} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />}
    </FieldFrame>
  );
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled select with its hint and error. */
export function SelectField({ label, hint, error, selectRef, children, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select id={id} ref={selectRef} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
