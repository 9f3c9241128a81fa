import './device.css';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../bridge/bridge-client';
import { useDeviceStatus } from './use-device-status';

/** On every desk view while the central API refuses this device: requests are kept, IT must re-enroll it. */
export function CounterEnrollmentNotice({ bridge }: { bridge: Bridge }) {
  const { t } = useTranslation();
  const { status } = useDeviceStatus(bridge);
  if (status?.enrollment !== 'not-enrolled') return null;
  return (
    <div className="desk-notice" role="status" data-testid="counter-not-enrolled">
      <p>
        <strong>{t('counter.devicePanel.notEnrolled')}</strong> {t('counter.devicePanel.notEnrolledKept')}
      </p>
    </div>
  );
}
