import { useLayoutEffect, useState, type PointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { KeyboardTarget } from './keyboard-context';
import { applyKey, firstLayer, keyboardRows, padLayers, type KeyAction, type KeyboardLayer } from './keyboard-layout';

interface Props {
  target: KeyboardTarget;
  onDone(): void;
}

/** Pages whose own script is not Latin: there a Latin key says which language it is, so a screen reader names it right. */
const nonLatinPages = new Set(['ar', 'uk']);

/** Room kept above and below what is revealed: the focus ring (4 px, 2 px off the field) and a little air. */
const revealMargin = 12;

/**
 * Brings the field into the part of the content that the keyboard leaves. What is shown, in order of
 * preference: the whole group (a date's three parts and their message line), the whole field, the
 * label down to the input (or, while a message is showing, the input and its message), the input
 * alone. Landscape at the largest text leaves little room; the input itself and its focus ring are
 * always in it.
 */
function reveal(input: HTMLInputElement): void {
  const area = input.closest<HTMLElement>('.kiosk__main');
  if (!area) return;
  const field = input.closest<HTMLElement>('.field');
  const group = input.closest<HTMLElement>('.field-group');
  const message = field?.querySelector<HTMLElement>('.field__message');
  const box = (el: Element | null | undefined): { top: number; bottom: number } | null => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  };
  const own = box(input) ?? { top: 0, bottom: 0 };
  const fieldBox = box(field);
  const messageBox = message?.textContent ? box(message) : null;
  const candidates = [box(group), fieldBox, messageBox ? { top: own.top, bottom: messageBox.bottom } : fieldBox ? { top: fieldBox.top, bottom: own.bottom } : null, own];
  const view = area.getBoundingClientRect();
  const room = view.bottom - view.top - 2 * revealMargin;
  const shown = candidates.find((c) => c && c.bottom - c.top <= room) ?? own;
  if (shown.top < view.top + revealMargin) area.scrollTop -= view.top + revealMargin - shown.top;
  else if (shown.bottom > view.bottom - revealMargin) area.scrollTop += shown.bottom - (view.bottom - revealMargin);
}

/**
 * A touch keyboard docked below the content, never over it: the content area shrinks and the
 * focused field is scrolled into the part that stays visible (WCAG 2.4.11, focus not obscured).
 */
export function OnScreenKeyboard({ target, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [upper, setUpper] = useState(false);
  // The layer belongs to the field: the next field (day -> month, name -> e-mail) opens on its own.
  const [chosen, setChosen] = useState<{ target: KeyboardTarget; layer: KeyboardLayer } | null>(null);
  const layer = chosen?.target === target ? chosen.layer : firstLayer(target.keys, i18n.language);
  const arabic = target.keys === 'name' && i18n.language === 'ar';

  useLayoutEffect(() => {
    const show = (): void => reveal(target.element);
    show();
    // The content area shrinks when the keyboard opens or the screen turns: keep the field in view.
    const area = target.element.closest('.kiosk__main');
    const observer = new ResizeObserver(show);
    if (area) observer.observe(area);
    // A message that appears under the field (a refused key) is brought into view with it.
    const messages = new MutationObserver(show);
    const around = target.element.closest('.field-group') ?? target.element.closest('.field');
    if (around) messages.observe(around, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      messages.disconnect();
    };
  }, [target]);

  const press = (key: KeyAction): void => {
    if (key.kind === 'shift') return setUpper((u) => !u);
    if (key.kind === 'layer') return setChosen({ target, layer: key.to });
    if (key.kind === 'done') return onDone();
    const { element } = target;
    if (!element.isConnected) return onDone();
    const before = { value: element.value, selectionStart: element.selectionStart ?? element.value.length, selectionEnd: element.selectionEnd ?? element.value.length };
    const next = applyKey(before, key, upper);
    let taken = false;
    // Render the new value now, so the caret can be put back where the visitor was typing.
    flushSync(() => {
      taken = target.offer(next.value);
    });
    if (upper && key.kind === 'char' && taken) setUpper(false);
    // A complete part of a date hands the focus on to the next part: the keyboard follows it there.
    const active = document.activeElement;
    if (active !== element && active instanceof HTMLInputElement && active.dataset.osk) return;
    element.focus({ preventScroll: true });
    const caret = taken ? next : before;
    element.setSelectionRange(caret.selectionStart, caret.selectionEnd);
  };

  // Keep the focus (and the caret) in the field while a key is touched.
  const keepFocus = (event: PointerEvent): void => event.preventDefault();

  const latinLang = nonLatinPages.has(i18n.language) ? 'en' : undefined;
  const label = (key: KeyAction): { text: string; name: string; wide?: boolean; lang?: string } => {
    switch (key.kind) {
      case 'char': {
        const text = upper ? key.char.toLocaleUpperCase() : key.char;
        return { text, name: text, lang: layer === 'arabic' ? undefined : /\p{Script=Latin}/u.test(text) ? latinLang : undefined };
      }
      case 'text':
        return { text: key.text, name: key.text, lang: latinLang };
      case 'space':
        return { text: t('keyboard.space'), name: t('keyboard.space'), wide: !padLayers.has(layer) };
      case 'backspace':
        return { text: '⌫', name: t('keyboard.backspace') };
      case 'shift':
        return { text: '⇧', name: t('keyboard.shift') };
      case 'layer':
        // The accessible name starts with what the key shows (WCAG 2.5.3, label in name).
        switch (key.to) {
          case 'accents':
            return { text: 'é @', name: `é @, ${t('keyboard.accents')}` };
          case 'arabic':
            return { text: 'أ ب ت', name: `أ ب ت, ${t('keyboard.arabic')}` };
          default:
            return layer === 'arabic' ? { text: 'abc', name: `abc, ${t('keyboard.latin')}` } : { text: 'abc', name: `abc, ${t('keyboard.letters')}` };
        }
      case 'done':
        return { text: t('keyboard.done'), name: t('keyboard.done') };
    }
  };

  const pad = padLayers.has(layer);
  return (
    <div className={`osk${pad ? ' osk--pad' : ''}`} role="group" aria-label={t('keyboard.label')} data-testid="on-screen-keyboard" data-layer={layer} dir="ltr">
      {keyboardRows(layer, { arabic }).map((row, r) => (
        <div className="osk__row" key={`${layer}-${r}`}>
          {row.map((key, k) => {
            const { text, name, wide, lang } = label(key);
            return (
              <button
                key={`${key.kind}-${k}`}
                type="button"
                className={`osk__key osk__key--${key.kind}${wide ? ' osk__key--wide' : ''}`}
                aria-label={name}
                aria-pressed={key.kind === 'shift' ? upper : undefined}
                lang={lang}
                data-key={key.kind === 'char' ? key.char : key.kind === 'text' ? key.text : key.kind}
                data-layer={key.kind === 'layer' ? key.to : undefined}
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
