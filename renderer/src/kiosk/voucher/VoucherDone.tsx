import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context';
import { useVisit } from '../visit/visit-context';
import { PrintStatus, type Shown } from '../printing/PrintStatus';
import { ReferenceQr } from './ReferenceQr';

/** The confirmation: a short code to take to the counter, as text and as a QR code. No personal data. */
export function VoucherDone() {
  const { t } = useTranslation();
  const { finish } = useKiosk();
  const { visit } = useVisit();
  const started = visit.started;
  const [printed, setPrinted] = useState<Shown>('printing');
  if (!started) return null;
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('voucher.done.title')}
      </h1>
      <p className="lead">{t('voucher.done.intro', { trajectory: t(`trajectory.${started.trajectory}.name`) })}</p>
      <div className="reference">
        <div>
          <p className="reference__label">{t('voucher.done.reference')}</p>
          <p className="reference__code" data-testid="voucher-reference">
            {started.reference}
          </p>
        </div>
        <ReferenceQr reference={started.reference} />
      </div>
      <PrintStatus jobId={started.printJobId} kind="receipt" onShown={setPrinted} />
      <ol className="plain-list">
        <li data-testid="done-step1">{t(printed === 'failed' ? 'voucher.done.step1NoPaper' : 'voucher.done.step1')}</li>
        <li>{t('voucher.done.step2')}</li>
      </ol>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={finish}>
          {t('voucher.done.finish')}
        </button>
      </div>
    </>
  );
}
