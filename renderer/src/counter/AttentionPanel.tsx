import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactDetails } from '../../../shared/contract/requests-channels';
import type { NeedsAttentionItem } from '../../../shared/contract/sync-channels';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field } from './Field';
import { problemSentenceKey } from './problem-text';

interface Props {
  bridge: Bridge;
  items: NeedsAttentionItem[];
  when(iso: string): string;
  /** Called after an action so the caller polls the sync status at once instead of in 3 s. */
  onChanged(): void;
  onSignedOut(): void;
}

type Action = { kind: 'edit' | 'cancel'; item: NeedsAttentionItem };
type ContactField = 'name' | 'email' | 'phone';

/** The messages the central API refused, with what staff can do about each: correct and resend, or cancel with a reason. */
export function AttentionPanel({ bridge, items, when, onChanged, onSignedOut }: Props) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const [problem, setProblem] = useState('');
  const [contact, setContact] = useState<Record<ContactField, string>>({ name: '', email: '', phone: '' });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ContactField | 'reason', string>>>({});
  const formHeading = useRef<HTMLHeadingElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setProblem(t(errorKey(err))));

  const open = (next: Action, button: HTMLButtonElement) => {
    opener.current = button;
    setDone('');
    setProblem('');
    setErrors({});
    setReason('');
    setContact({ name: '', email: '', phone: '' });
    setAction(next);
    if (next.kind === 'edit') {
      // The form starts from what the visitor gave, so staff correct one field instead of retyping all.
      bridge.call('request.find', { reference: next.item.reference }).then(
        (request) => setContact({ name: request.contact?.name ?? '', email: request.contact?.email ?? '', phone: request.contact?.phone ?? '' }),
        fail,
      );
    }
  };

  useEffect(() => {
    if (action) formHeading.current?.focus();
  }, [action]);

  const close = (message: string) => {
    setAction(null);
    setDone(message);
    onChanged();
    // The row and its buttons are gone: the confirmation is the sensible place for focus to land.
    statusLine.current?.focus();
  };

  const back = () => {
    setAction(null);
    opener.current?.focus();
  };

  const resend = async (e: FormEvent, item: NeedsAttentionItem) => {
    e.preventDefault();
    const entered = {
      name: contact.name,
      ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
      ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
    };
    const checked = ContactDetails.safeParse(entered);
    if (!checked.success) {
      const found: typeof errors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (field === 'name' || field === 'email' || field === 'phone') found[field] ??= t(`counter.attention.problems.${field}`);
      }
      if (!contact.email.trim() && !contact.phone.trim()) found.email = t('counter.attention.problems.oneWay');
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      const sent = await bridge.call('attention.resend', { outboxId: item.id, contact: checked.data });
      close(t('counter.attention.resent', { reference: sent.reference }));
    } catch (err) {
      fail(err);
    }
  };

  const cancel = async (e: FormEvent, item: NeedsAttentionItem) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setErrors({ reason: t('counter.request.reasonNeeded') });
    setErrors({});
    try {
      const cancelled = await bridge.call('attention.cancel', { outboxId: item.id, reason: reason.trim() });
      close(t('counter.attention.cancelled', { reference: cancelled.reference }));
    } catch (err) {
      fail(err);
    }
  };

  const editable = (item: NeedsAttentionItem) => item.kind === 'voucher-request.submit';
  const kindLabel = (kind: string) => t(`counter.attention.kinds.${kind}`, { defaultValue: kind });
  /** What the refusal means and what to do, in the desk's words; the central API's text folded away for IT. */
  const said = (item: NeedsAttentionItem) => (
    <div className="problem" data-testid="problem-sentence">
      <p>{t(problemSentenceKey(item.problemType, (key) => i18n.exists(key)))}</p>
      <details className="problem__technical">
        <summary>{t('counter.problems.technical')}</summary>
        <p lang="en">{item.reason}</p>
      </details>
    </div>
  );

  return (
    <section aria-labelledby="attention-title">
      <h3 id="attention-title">{t('counter.sync.attention', { count: items.length })}</h3>
      <p role="status" className={done || problem ? 'desk-status' : 'visually-hidden'} ref={statusLine} tabIndex={-1}>
        {problem || done}
      </p>
      {items.length > 0 && (
        <table className="desk-table" data-testid="attention-table">
          <caption className="visually-hidden">{t('counter.sync.attention', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counter.sync.reference')}</th>
              <th scope="col">{t('counter.sync.kind')}</th>
              <th scope="col">{t('counter.sync.reason')}</th>
              <th scope="col">{t('counter.sync.at')}</th>
              <th scope="col">{t('counter.attention.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.reference}</td>
                <td>{kindLabel(item.kind)}</td>
                <td>{said(item)}</td>
                <td>{when(item.at)}</td>
                <td>
                  <div className="desk-table__actions">
                    {editable(item) && (
                      <button type="button" className="desk-button" aria-label={t('counter.attention.editFor', { reference: item.reference })} onClick={(e) => open({ kind: 'edit', item }, e.currentTarget)}>
                        {t('counter.attention.edit')}
                      </button>
                    )}
                    <button type="button" className="desk-button desk-button--danger" aria-label={t('counter.attention.cancelFor', { reference: item.reference })} onClick={(e) => open({ kind: 'cancel', item }, e.currentTarget)}>
                      {t('counter.attention.cancel')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {action?.kind === 'edit' && (
        <form className="stack desk-panel" noValidate aria-labelledby="attention-form-title" onSubmit={(e) => void resend(e, action.item)}>
          <h4 id="attention-form-title" ref={formHeading} tabIndex={-1}>
            {t('counter.attention.editTitle', { reference: action.item.reference })}
          </h4>
          <dl className="facts">
            <div className="facts__row"><dt>{t('counter.attention.said')}</dt><dd>{said(action.item)}</dd></div>
          </dl>
          <p>{t('counter.attention.editHelp')}</p>
          <Field label={t('counter.attention.name')} autoComplete="off" value={contact.name} onChange={(e) => setContact({ ...contact, name: e.target.value })} error={errors.name} />
          <Field label={t('counter.attention.email')} type="email" autoComplete="off" value={contact.email} onChange={(e) => setContact({ ...contact, email: e.target.value })} error={errors.email} />
          <Field label={t('counter.attention.phone')} type="tel" autoComplete="off" value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} error={errors.phone} />
          <div className="desk-actions">
            <button type="submit" className="desk-button desk-button--primary">{t('counter.attention.resend')}</button>
            <button type="button" className="desk-button" onClick={back}>{t('counter.attention.back')}</button>
          </div>
        </form>
      )}
      {action?.kind === 'cancel' && (
        <form className="stack desk-panel" noValidate aria-labelledby="attention-form-title" onSubmit={(e) => void cancel(e, action.item)}>
          <h4 id="attention-form-title" ref={formHeading} tabIndex={-1}>
            {t('counter.attention.cancelTitle', { reference: action.item.reference })}
          </h4>
          <p>{t(editable(action.item) ? 'counter.attention.cancelHelpRequest' : 'counter.attention.cancelHelp')}</p>
          <Field label={t('counter.request.reason')} autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
          <div className="desk-actions">
            <button type="submit" className="desk-button desk-button--danger">{t('counter.attention.confirmCancel')}</button>
            <button type="button" className="desk-button" onClick={back}>{t('counter.attention.back')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
