import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../shared/contract/desk-channels';
import { bsnMessages, checkBsn } from '../../../shared/identity/bsn';
import { IdDocumentType } from '../../../shared/identity/id-document';
import { BridgeCallError, type Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field, focusFirstError, SelectField } from './Field';
import type { PrintJobSummary } from '../../../shared/printing/print-job';
import { NewRequestForm } from './NewRequestForm';
import { formatDateTime } from '../../../shared/domain/location-time';

interface Props {
  bridge: Bridge;
  /** What staff typed or scanned into the reference field. */
  reference: string | null;
  /** Open on the form for a new request (a walk-in who skipped the kiosk) instead. */
  startNew: boolean;
  /** The location's region, for the providers the new-request form offers. */
  region: string;
  onNew(): void;
  /** The reference opened a request: the field that asked for it can be emptied for the next scan. */
  onFound(): void;
  /** No request has this code: the field that asked keeps it and says so. */
  onNotFound(code: string): void;
  onSignedOut(): void;
}

/**
 * One request opened by its reference, or started here for a walk-in: the details, the identity
 * check and completion, or cancelling.
 */
export function RequestView({ bridge, reference, startNew, region, onNew, onFound, onNotFound, onSignedOut }: Props) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<RequestDetail | null>(null);
  const [status, setStatus] = useState('');
  const [document, setDocument] = useState<IdDocumentType | ''>('');
  const [bsn, setBsn] = useState('');
  const [errors, setErrors] = useState<{ document?: string; bsn?: string; reason?: string }>({});
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const documentField = useRef<HTMLSelectElement>(null);
  const bsnField = useRef<HTMLInputElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  /** The final receipt printed with the completion, followed until the printer answered. */
  const [finalReceipt, setFinalReceipt] = useState<PrintJobSummary | null>(null);
  const [creating, setCreating] = useState(startNew);
  const [justStarted, setJustStarted] = useState(false);
  /** The chosen provider's name from the content pack; its id when the pack no longer lists it. */
  const [providerName, setProviderName] = useState<string | null>(null);

  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);

  useEffect(() => {
    setRequest(null);
    setStatus('');
    if (!reference) return;
    bridge.call('request.find', { reference }).then(
      (found) => {
        setRequest(found);
        setBsn('');
        setDocument('');
        setReason('');
        setErrors({});
        onFound();
        heading.current?.focus();
      },
      (err: unknown) => (err instanceof BridgeCallError && err.error.code === 'not_found' ? onNotFound(reference) : fail(err)),
    );
    // Once per reference opened: the desk's callbacks change with every render, so they are not deps.
  }, [bridge, reference, fail]);

  const providerId = request?.providerId ?? null;
  useEffect(() => {
    setProviderName(null);
    if (providerId === null) return;
    let current = true;
    bridge.call('content.provider', { id: providerId }).then(
      (p) => current && setProviderName(p.name),
      () => current && setProviderName(providerId),
    );
    return () => {
      current = false;
    };
  }, [bridge, providerId]);

  const complete = async (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    const found: typeof errors = {};
    if (!document) found.document = t('counter.request.documentNeeded');
    const checked = checkBsn(bsn);
    if (!checked.ok) found.bsn = t(`counter.request.bsnProblems.${checked.problem}`, { defaultValue: bsnMessages[checked.problem] });
    setErrors(found);
    if (focusFirstError(found, ['document', 'bsn'], { document: documentField, bsn: bsnField }) || !document || !checked.ok) return;
    try {
      const done = await bridge.call('request.complete', { reference: request.reference, identityDocument: document, bsn: checked.bsn });
      setBsn('');
      setRequest(done);
      setStatus(t('counter.request.completed', { reference: done.reference }));
      if (done.printJobId) setFinalReceipt(await bridge.call('print.job', { jobId: done.printJobId }));
      // The forms are gone with the completion: the next likely step is the next visitor's request.
      newButton.current?.focus();
    } catch (err) {
      fail(err);
    }
  };

  const cancel = async (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    if (reason.trim().length < 3) return setErrors({ reason: t('counter.request.reasonNeeded') });
    try {
      const done = await bridge.call('request.cancel', { reference: request.reference, reason });
      setRequest(done);
      setStatus(t('counter.request.cancelled', { reference: done.reference }));
    } catch (err) {
      fail(err);
    }
  };

  // Started at the desk: staff go straight on to the identity check, in one go.
  const started = useCallback(
    (created: RequestDetail) => {
      setCreating(false);
      setJustStarted(true);
      setRequest(created);
      setStatus(t('counter.newRequest.started', { reference: created.reference }));
    },
    [t],
  );
  useEffect(() => {
    if (justStarted) documentField.current?.focus();
  }, [justStarted]);

  // Follow the final receipt until the printer took it (or gave up): staff say so to the visitor.
  const receiptSettled = finalReceipt === null || !['pending', 'sending'].includes(finalReceipt.state);
  useEffect(() => {
    if (receiptSettled || !finalReceipt) return;
    const timer = setTimeout(() => {
      bridge.call('print.job', { jobId: finalReceipt.id }).then(setFinalReceipt, fail);
    }, 400);
    return () => clearTimeout(timer);
  }, [bridge, fail, finalReceipt, receiptSettled]);

  const reprint = async () => {
    if (!finalReceipt) return;
    try {
      setFinalReceipt(await bridge.call('print.reprint', { jobId: finalReceipt.id }));
    } catch (err) {
      fail(err);
    }
  };

  if (creating) return <NewRequestForm bridge={bridge} region={region} onStarted={started} onSignedOut={onSignedOut} />;

  const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title" ref={heading} tabIndex={-1}>
        {request ? t('counter.request.title', { reference: request.reference }) : t('counter.views.request')}
      </h2>
      <p role="status" className="desk-status">
        {status}
      </p>
      {!request && !status && <p>{t('counter.request.howTo')}</p>}
      {request && (
        <>
          <dl className="facts" data-testid="request-facts">
            <div className="facts__row"><dt>{t('counter.request.state')}</dt><dd>{t(`counter.request.states.${request.status}`)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.trajectory')}</dt><dd>{t(`trajectory.${request.trajectory}.name`)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.provider')}</dt><dd data-testid="request-provider">{request.providerId === null ? t('counter.request.noProvider') : (providerName ?? request.providerId)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.started')}</dt><dd>{when(request.createdAt)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.origin')}</dt><dd data-testid="request-origin">{t(`counter.request.origins.${request.origin}`)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.eligibility')}</dt><dd>{t(`counter.request.outcomes.${request.eligibility.outcome}`)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.name')}</dt><dd>{request.contact?.name ?? t('counter.request.purged')}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.contact')}</dt><dd>{request.contact ? [request.contact.email, request.contact.phone].filter(Boolean).join(' · ') : t('counter.request.purged')}</dd></div>
            {request.identity && (
              <>
                <div className="facts__row"><dt>{t('counter.request.document')}</dt><dd>{t(`counter.request.documents.${request.identity.document}`)}</dd></div>
                <div className="facts__row"><dt>{t('counter.request.bsn')}</dt><dd data-testid="bsn-masked">{request.identity.bsnMasked ?? t('counter.request.bsnSent')}</dd></div>
              </>
            )}
            {request.cancelReason && <div className="facts__row"><dt>{t('counter.request.reason')}</dt><dd>{request.cancelReason}</dd></div>}
          </dl>
          {request.status === 'started' && (
            <div className="request__forms">
              <form onSubmit={(e) => void complete(e)} noValidate className="stack desk-panel" aria-labelledby="identity-title">
                <h3 id="identity-title">{t('counter.request.identityTitle')}</h3>
                <SelectField label={t('counter.request.document')} selectRef={documentField} value={document} error={errors.document} onChange={(e) => setDocument(e.target.value === '' ? '' : IdDocumentType.parse(e.target.value))}>
                  <option value="">{t('counter.request.chooseDocument')}</option>
                  {IdDocumentType.options.map((d) => (
                    <option key={d} value={d}>
                      {t(`counter.request.documents.${d}`)}
                    </option>
                  ))}
                </SelectField>
                <Field label={t('counter.request.bsn')} hint={t('counter.request.bsnHint')} inputMode="numeric" autoComplete="off" spellCheck={false} value={bsn} onChange={(e) => setBsn(e.target.value)} error={errors.bsn} inputRef={bsnField} />
                <button type="submit" className="desk-button desk-button--primary">{t('counter.request.complete')}</button>
              </form>
              <form onSubmit={(e) => void cancel(e)} noValidate className="stack desk-panel" aria-labelledby="cancel-title">
                <h3 id="cancel-title">{t('counter.request.cancelTitle')}</h3>
                <Field label={t('counter.request.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} autoComplete="off" />
                <button type="submit" className="desk-button desk-button--danger">{t('counter.request.cancel')}</button>
              </form>
            </div>
          )}
        </>
      )}
      {finalReceipt && (
        <div className="desk-panel request__receipt" data-testid="final-receipt">
          {/* Live, but not a second status: the desk's status line already says the request is complete. */}
          <p aria-live="polite">{t(`counter.request.finalReceipt.${finalReceipt.state}`)}</p>
          <button type="button" className="desk-button" onClick={() => void reprint()}>
            {t('counter.request.finalReceipt.reprint')}
          </button>
        </div>
      )}
      {/* After the open request, so Tab from its heading reaches the identity check first. */}
      <div className="desk-actions request__new">
        <button type="button" ref={newButton} className="desk-button" onClick={onNew} aria-keyshortcuts="F3">
          {t('counter.newRequest.open')} <kbd>F3</kbd>
        </button>
      </div>
    </section>
  );
}
