import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintJobSummary } from '../../../shared/printing/print-job';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { ReferralSlipForm } from './ReferralSlipForm';
import { usePolled } from './use-polled';
import { formatDateTime, parseDay } from '../../../shared/domain/location-time';
import { Field, SelectField } from './Field';

type Kind = PrintJobSummary['kind'];

/**
 * The latest receipts and tickets this counter printed, searchable by code (as typed) and
 * filterable by kind and day, so a busy day's list stays usable; a reprint is a new job marked "copy".
 */
export function ReceiptsView({ bridge, onSignedOut }: { bridge: Bridge; onSignedOut(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [typedDay, setTypedDay] = useState('');
  const day = typedDay.trim() === '' ? null : parseDay(typedDay);
  const load = useCallback(
    () => bridge.call('print.recent', { limit: 50, ...(code.trim() ? { code } : {}), ...(kind ? { kind } : {}), ...(day ? { day } : {}) }),
    [bridge, code, kind, day],
  );
  const { data, reload } = usePolled(load, 5000, fail);

  const reprint = async (job: PrintJobSummary) => {
    try {
      await bridge.call('print.reprint', { jobId: job.id });
      setStatus(t('counter.receipts.reprinted', { code: job.code }));
      reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="receipts-title">
      <h2 id="receipts-title">{t('counter.views.receipts')}</h2>
      <p role="status" className="desk-status">
        {status}
      </p>
      <form className="desk-actions stats__controls receipts__filters" role="search" aria-label={t('counter.receipts.filters')} noValidate onSubmit={(e: FormEvent) => e.preventDefault()}>
        <Field label={t('counter.receipts.searchCode')} hint={t('counter.receipts.searchHint')} type="search" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
        <SelectField label={t('counter.receipts.kind')} value={kind} onChange={(e) => setKind(e.target.value === '' ? '' : PrintJobSummary.shape.kind.parse(e.target.value))}>
          <option value="">{t('counter.receipts.allKinds')}</option>
          {PrintJobSummary.shape.kind.options.map((k) => (
            <option key={k} value={k}>
              {t(`counter.receipts.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('counter.receipts.day')}
          hint={t('counter.stats.dayHint')}
          inputMode="numeric"
          autoComplete="off"
          value={typedDay}
          onChange={(e) => setTypedDay(e.target.value)}
          error={typedDay.trim() !== '' && !day ? t('counter.stats.dayProblem') : null}
        />
      </form>
      <ReferralSlipForm bridge={bridge} onError={fail} onDone={() => { setStatus(t('referral.desk.printed')); reload(); }} />
      {data && data.jobs.length === 0 && <p>{t(code || kind || day ? 'counter.receipts.noneFound' : 'counter.receipts.none')}</p>}
      {data && data.jobs.length > 0 && (
        <table className="desk-table">
          <caption className="visually-hidden">{t('counter.views.receipts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counter.receipts.code')}</th>
              <th scope="col">{t('counter.receipts.kind')}</th>
              <th scope="col">{t('counter.receipts.state')}</th>
              <th scope="col">{t('counter.receipts.at')}</th>
              <th scope="col">{t('counter.staff.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.jobs.map((job) => (
              <tr key={job.id}>
                <td>{job.code}</td>
                <td>{t(`counter.receipts.kinds.${job.kind}`)}{job.copy ? ` (${t('counter.receipts.copy')})` : ''}</td>
                <td>{t(`counter.receipts.states.${job.state}`)}</td>
                <td>{formatDateTime(job.createdAt)}</td>
                <td>
                  <button type="button" className="desk-button" onClick={() => void reprint(job)} aria-label={t('counter.receipts.reprintFor', { code: job.code, kind: t(`counter.receipts.kinds.${job.kind}`) })}>
                    {t('counter.receipts.reprint')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
