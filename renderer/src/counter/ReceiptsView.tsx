import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobSummary } from '../../../shared/printing/print-job';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from './bridge-errors';
import { ReferralSlipForm } from './ReferralSlipForm';
import { usePolled } from './use-polled';

/** The latest receipts and tickets this counter printed; a reprint is a new job marked "copy". */
export function ReceiptsView({ bridge, onSignedOut }: { bridge: Bridge; onSignedOut(): void }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setStatus(t(errorKey(err)))), [onSignedOut, t]);
  const load = useCallback(() => bridge.call('print.recent', { limit: 30 }), [bridge]);
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
      <ReferralSlipForm bridge={bridge} onError={fail} onDone={() => { setStatus(t('referral.desk.printed')); reload(); }} />
      {data && data.jobs.length === 0 && <p>{t('counter.receipts.none')}</p>}
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
                <td>{new Date(job.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}</td>
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
