import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../bridge/bridge-client';
import { AttentionPanel } from './AttentionPanel';
import { errorKey, isSignedOut } from './bridge-errors';
import { HubKiosksPanel } from './HubKiosksPanel';
import { usePolled } from './use-polled';
import { formatDateTimeWithSeconds } from '../../../shared/domain/location-time';

/** How far this device is with the central API, and what needs a person. */
export function SyncView({ bridge, onSignedOut }: { bridge: Bridge; onSignedOut(): void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState('');
  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setProblem(t(errorKey(err)))), [onSignedOut, t]);
  const load = useCallback(() => bridge.call('sync.status', {}), [bridge]);
  const { data, reload } = usePolled(load, 3000, fail);
  const when = (iso: string | null) => (iso ? formatDateTimeWithSeconds(iso) : t('counter.sync.never'));

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('counter.views.sync')}</h2>
      <p role="status" className="desk-status">
        {problem}
      </p>
      {data && (
        <>
          <dl className="facts" data-testid="sync-facts">
            <div className="facts__row"><dt>{t('counter.sync.queued')}</dt><dd>{data.queued}</dd></div>
            <div className="facts__row"><dt>{t('counter.sync.inFlight')}</dt><dd>{data.inFlight}</dd></div>
            <div className="facts__row"><dt>{t('counter.sync.lastSuccess')}</dt><dd>{when(data.lastSuccessAt)}</dd></div>
            <div className="facts__row"><dt>{t('counter.sync.nextAttempt')}</dt><dd>{data.nextAttemptAt ? when(data.nextAttemptAt) : t('counter.sync.nothingDue')}</dd></div>
          </dl>
          <AttentionPanel bridge={bridge} items={data.needsAttention} when={when} onChanged={reload} onSignedOut={onSignedOut} />
        </>
      )}
      <HubKiosksPanel bridge={bridge} onError={fail} />
    </section>
  );
}
