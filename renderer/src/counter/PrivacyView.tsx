import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubjectRecord } from '../../../shared/contract/desk-channels';
import type { StaffMember } from '../../../shared/contract/staff-channels';
import { hasStaffRole } from '../../../shared/staff/staff-role';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field } from './Field';
import { SubjectPrintout } from './SubjectPrintout';
import { subjectRecordText, subjectRecordWords } from './subject-record-words';
import { formatDateTime } from '../../../shared/domain/location-time';

interface Printout {
  record: SubjectRecord;
  providerName: string | null;
  at: Date;
}

/** A visitor asks what we hold about them: find by reference, show, export, erase where allowed. */
export function PrivacyView({ bridge, me, locationName, onSignedOut }: { bridge: Bridge; me: StaffMember; locationName: string; onSignedOut(): void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<SubjectRecord | null>(null);
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [printout, setPrintout] = useState<Printout | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setFound(null);
    try {
      setFound(await bridge.call('privacy.find', { reference }));
      setStatus('');
    } catch (err) {
      fail(err);
    }
  };

  const download = (fileName: string, body: string, type: string) => {
    const url = URL.createObjectURL(new Blob([body], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  const providerNameOf = (providerId: string | null): Promise<string | null> =>
    // A provider missing from the current content pack is still named, by its id.
    providerId === null ? Promise.resolve(null) : bridge.call('content.provider', { id: providerId }).then((p) => p.name, () => providerId);

  /** The readable file: the printout's words in the visitor's language; `machine` adds the JSON file for a computer. */
  const exportFile = async (machine: boolean) => {
    if (!found) return;
    try {
      const file = await bridge.call('privacy.export', { reference: found.request.reference });
      if (machine) download(file.fileName, file.json, 'application/json');
      else {
        const record = SubjectRecord.parse(JSON.parse(file.json));
        const words = subjectRecordWords(record, t, { locationName, providerName: await providerNameOf(record.request.providerId), at: new Date(), medium: 'file' });
        const note = t('counter.printout.machineNote', { lng: words.lng, file: file.fileName });
        download(file.fileName.replace(/\.json$/, '.txt'), `\uFEFF${subjectRecordText(words, note)}`, 'text/plain;charset=utf-8');
      }
      setStatus(t(machine ? 'counter.privacy.exportedMachine' : 'counter.privacy.exported'));
    } catch (err) {
      fail(err);
    }
  };

  const print = async () => {
    if (!found) return;
    try {
      const record = await bridge.call('privacy.print', { reference: found.request.reference });
      const providerName = await providerNameOf(record.request.providerId);
      setFound(record);
      setPrintout({ record, providerName, at: new Date() });
      setStatus(t('counter.privacy.printed'));
    } catch (err) {
      fail(err);
    }
  };

  const [focusExport, setFocusExport] = useState(false);
  useEffect(() => {
    if (!focusExport) return;
    exportButton.current?.focus();
    setFocusExport(false);
  }, [focusExport, found]);

  // Print once the printout is in the page; it leaves the page afterwards so no copy lingers in the DOM.
  useEffect(() => {
    if (!printout) return;
    window.print();
    setPrintout(null);
  }, [printout]);

  const erase = async (e: FormEvent) => {
    e.preventDefault();
    if (!found) return;
    if (reason.trim().length < 3) return setReasonError(t('counter.request.reasonNeeded'));
    setReasonError(null);
    if (!window.confirm(t('counter.privacy.confirmErase', { reference: found.request.reference }))) return;
    try {
      setFound(await bridge.call('privacy.erase', { reference: found.request.reference, reason }));
      setStatus(t('counter.privacy.erased'));
      // The erase form is gone: focus goes to the next likely step, giving the visitor the record.
      setFocusExport(true);
    } catch (err) {
      fail(err);
    }
  };

  const r = found?.request;
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('counter.views.privacy')}</h2>
      <p>{t('counter.privacy.intro')}</p>
      <form onSubmit={(e) => void find(e)} className="desk-actions stats__controls" noValidate>
        <Field label={t('counter.desk.search')} value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" spellCheck={false} />
        <button type="submit" className="desk-button desk-button--primary">{t('counter.privacy.find')}</button>
      </form>
      <p role="status" className="desk-status">
        {status}
      </p>
      {found && r && (
        <>
          <dl className="facts" data-testid="privacy-facts">
            <div className="facts__row"><dt>{t('counter.sync.reference')}</dt><dd>{r.reference}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.state')}</dt><dd>{t(`counter.request.states.${r.status}`)}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.name')}</dt><dd>{r.contact?.name ?? t('counter.privacy.none')}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.contact')}</dt><dd>{r.contact ? [r.contact.email, r.contact.phone].filter(Boolean).join(' · ') : t('counter.privacy.none')}</dd></div>
            <div className="facts__row"><dt>{t('counter.request.bsn')}</dt><dd>{r.identity?.bsnMasked ?? t('counter.privacy.none')}</dd></div>
            <div className="facts__row"><dt>{t('counter.privacy.central')}</dt><dd>{found.sentToCentral ? t('counter.privacy.centralYes') : t('counter.privacy.centralNo')}</dd></div>
            {found.kioskCopy && (
              <div className="facts__row" data-testid="privacy-kiosk-copy">
                <dt>{t('counter.privacy.kioskCopy')}</dt>
                <dd>
                  {found.kioskCopy.erasedAt
                    ? t('counter.privacy.kioskErased', { kiosk: found.kioskCopy.kiosk })
                    : found.kioskCopy.eraseOrderedAt
                      ? t('counter.privacy.kioskWaiting', { kiosk: found.kioskCopy.kiosk })
                      : t('counter.privacy.kioskHolds', { kiosk: found.kioskCopy.kiosk })}
                </dd>
              </div>
            )}
          </dl>
          <h3>{t('counter.privacy.trail')}</h3>
          <ol className="privacy__trail">
            {found.trail.map((step, i) => (
              <li key={i}>
                {formatDateTime(step.at)} — {t(`counter.printout.actions.${step.action}`, { defaultValue: step.action })}
              </li>
            ))}
          </ol>
          <div className="desk-actions">
            <button type="button" ref={exportButton} className="desk-button" onClick={() => void exportFile(false)}>{t('counter.privacy.export')}</button>
            <button type="button" className="desk-button" onClick={() => void exportFile(true)}>{t('counter.privacy.exportMachine')}</button>
            <button type="button" className="desk-button" onClick={() => void print()}>{t('counter.privacy.print')}</button>
          </div>
          {hasStaffRole(me.role, 'location-manager') && !found.personalDataErased && !found.kioskCopy?.eraseOrderedAt && (
            <form onSubmit={(e) => void erase(e)} className="stack desk-panel" aria-labelledby="erase-title" noValidate>
              <h3 id="erase-title">{t('counter.privacy.eraseTitle')}</h3>
              <p>{found.sentToCentral ? t('counter.privacy.eraseSent') : t('counter.privacy.eraseUnsent')}</p>
              <Field label={t('counter.request.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} autoComplete="off" />
              <button type="submit" className="desk-button desk-button--danger">{t('counter.privacy.erase')}</button>
            </form>
          )}
        </>
      )}
      {printout && <SubjectPrintout record={printout.record} locationName={locationName} providerName={printout.providerName} printedAt={printout.at} />}
    </section>
  );
}
