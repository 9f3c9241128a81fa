import { useLayoutEffect, useState, type PointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { KeyboardTarget } from './keyboard-context';
import { applyKey, keyboardRows, type KeyAction, type KeyboardLayer } from './keyboard-layout';

interface Props {
  target: KeyboardTarget;
  onDone(): void;
}

/**
 * A touch keyboard docked below the content, never over it: the content area shrinks and the
 * focused field is scrolled into the part that stays visible (WCAG 2.4.11, focus not obscured).
 */
export function OnScreenKeyboard({ target, onDone }: Props) {
  const { t } = useTranslation();
  const [upper, setUpper] = useState(false);
  const [layer, setLayer] = useState<KeyboardLayer>('letters');

  useLayoutEffect(() => {
    const reveal = (): void => target.element.scrollIntoView({ block: 'nearest' });
    reveal();
    // The content area shrinks when the keyboard opens or the screen turns: keep the field in view.
    const area = target.element.closest('.kiosk__main');
    const observer = new ResizeObserver(reveal);
    if (area) observer.observe(area);
    return () => observer.disconnect();
  }, [target]);

  const press = (key: KeyAction): void => {
    if (key.kind === 'shift') return setUpper((u) => !u);
    if (key.kind === 'layer') return setLayer((l) => (l === 'letters' ? 'accents' : 'letters'));
    if (key.kind === 'done') return onDone();
    const { element } = target;
    if (!element.isConnected) return onDone();
    const next = applyKey(
      { value: element.value, selectionStart: element.selectionStart ?? element.value.length, selectionEnd: element.selectionEnd ?? element.value.length },
      key,
      upper,
      element.maxLength > 0 ? element.maxLength : undefined,
    );
    // Render the new value now, so the caret can be put back where the visitor was typing.
    flushSync(() => target.setValue(next.value));
    element.focus({ preventScroll: true });
    element.setSelectionRange(next.selectionStart, next.selectionEnd);
    if (upper && key.kind === 'char') setUpper(false);
  };

  // Keep the focus (and the caret) in the field while a key is touched.
  const keepFocus = (event: PointerEvent): void => event.preventDefault();

  const label = (key: KeyAction): { text: string; name: string; wide?: boolean } => {
    switch (key.kind) {
      case 'char': {
        const text = upper ? key.char.toLocaleUpperCase() : key.char;
        return { text, name: text };
      }
      case 'space':
        return { text: t('keyboard.space'), name: t('keyboard.space'), wide: true };
      case 'backspace':
        return { text: '⌫', name: t('keyboard.backspace') };
      case 'shift':
        return { text: '⇧', name: t('keyboard.shift') };
      case 'layer':
        // The accessible name starts with what the key shows (WCAG 2.5.3, label in name).
        return layer === 'letters' ? { text: 'é @', name: `é @, ${t('keyboard.accents')}` } : { text: 'abc', name: `abc, ${t('keyboard.letters')}` };
      case 'done':
        return { text: t('keyboard.done'), name: t('keyboard.done') };
    }
  };

  return (
    <div className="osk" role="group" aria-label={t('keyboard.label')} data-testid="on-screen-keyboard" dir="ltr">
      {keyboardRows(layer).map((row, r) => (
        <div className="osk__row" key={`${layer}-${r}`}>
          {row.map((key, k) => {
            const { text, name, wide } = label(key);
            return (
              <button
                key={`${key.kind}-${k}`}
                type="button"
                className={`osk__key osk__key--${key.kind}${wide ? ' osk__key--wide' : ''}`}
                aria-label={name}
                aria-pressed={key.kind === 'shift' ? upper : undefined}
                data-key={key.kind === 'char' ? key.char : key.kind}
                onPointerDown={keepFocus}
                onClick={() => press(key)}
              >
                {text}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
