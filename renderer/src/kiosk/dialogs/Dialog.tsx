import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Called for Escape too, so the dialog never closes without the parent knowing. */
  onClose(): void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the rest of the page inert and
 * gives it the dialog role; we only label it and put focus on its first button. React removes the
 * element before the browser can hand focus back, so we give it back to the control that opened
 * the dialog ourselves: otherwise a keyboard or screen-reader user lands on <body>.
 */
export function Dialog({ title, onClose, children, className, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The foot of most kiosk dialogs: an optional main action, then the way out (always last, always there). */
export function DialogActions({ primary, onClose, closeLabel }: { primary?: { label: string; onClick(): void } | undefined; onClose(): void; closeLabel: string }) {
  return (
    <div className="dialog__actions">
      {primary && (
        <button type="button" className="button button--primary" onClick={primary.onClick}>
          {primary.label}
        </button>
      )}
      <button type="button" className="button" onClick={onClose}>
        {closeLabel}
      </button>
    </div>
  );
}
