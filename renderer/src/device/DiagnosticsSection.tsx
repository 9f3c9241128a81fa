import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDiagnostics } from '../../../shared/contract/device-channels';
import type { Bridge } from '../bridge/bridge-client';
import { errorKey, isSignedOut } from '../counter/bridge-errors';
import { FactList } from '../counter/FactList';

/** For IT on the phone with the shop: how the device is doing and how it is configured, secrets left out by the core. */
export function DiagnosticsSection({ bridge, onSignedOut }: { bridge: Bridge; onSignedOut(): void }) {
  const { t, i18n } = useTranslation();
  const [found, setFound] = useState<DeviceDiagnostics | null>(null);
  const [problem, setProblem] = useState('');

  const load = useCallback(() => {
    bridge.call('device.diagnostics', {}).then(
      (next) => {
        setFound(next);
        setProblem('');
      },
      (err: unknown) => (isSignedOut(err) ? onSignedOut() : setProblem(t(errorKey(err)))),
    );
  }, [bridge, onSignedOut, t]);
  useEffect(load, [load]);

  const gigabytes = (bytes: number | null) =>
    bytes === null ? t('counter.diagnostics.unknown') : `${(bytes / 1e9).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} GB`;
  const h = found?.health;
  const rows: Array<[string, string]> = found && h
    ? [
        [t('counter.diagnostics.health'), t(`counter.diagnostics.healthStates.${h.health}`)],
        [t('counter.sync.queued'), String(h.queueDepth)],
        [t('counter.diagnostics.needsAttention'), String(h.needsAttention)],
        [t('counter.diagnostics.printer'), `${h.printer.kind}: ${h.printer.state}${h.printer.paperLow ? ` (${t('counter.diagnostics.paperLow')})` : ''}`],
        [t('counter.diagnostics.disk'), gigabytes(h.diskFreeBytes)],
        [t('counter.diagnostics.update'), `${h.update.currentVersion} · ${h.update.channel} · ${h.update.state.phase}`],
        [t('counter.diagnostics.keyFingerprint'), found.locationKeyFingerprint ?? t('counter.diagnostics.noHub')],
        ...(h.hubLink ? [[t('counter.diagnostics.hubLink'), `${h.hubLink.state}: ${h.hubLink.reason}`] as [string, string]] : []),
        [t('counter.diagnostics.schema'), found.schemaVersion === null ? t('counter.diagnostics.noDatabase') : String(found.schemaVersion)],
        [t('counter.diagnostics.dataDir'), found.dataDir],
        [t('counter.diagnostics.runtime'), [`Node ${found.runtime.node}`, found.runtime.electron && `Electron ${found.runtime.electron}`, found.runtime.platform].filter(Boolean).join(' · ')],
      ]
    : [];

  return (
    <section aria-labelledby="diagnostics-title" data-testid="diagnostics-section">
      <h2 id="diagnostics-title">{t('counter.diagnostics.title')}</h2>
      <p role="status" className={problem ? 'desk-status' : 'visually-hidden'}>
        {problem}
      </p>
      {found && (
        <>
          <FactList rows={rows} testId="diagnostics-facts" />
          <button type="button" className="desk-button" onClick={load}>
            {t('counter.diagnostics.refresh')}
          </button>
          <details className="diagnostics__config">
            <summary>{t('counter.diagnostics.config')}</summary>
            <pre data-testid="diagnostics-config" tabIndex={0} aria-label={t('counter.diagnostics.config')}>
              {JSON.stringify(found.config, null, 2)}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}
