import './device.css';
import { useTranslation } from 'react-i18next';
import type { Bridge } from '../bridge/bridge-client';
import { useDeviceStatus } from './use-device-status';

/**
 * A calm line for visitors when the central API no longer knows this kiosk: everything still
 * works and requests are kept on the device, so nobody is sent away; staff can call IT.
 */
export function KioskEnrollmentNotice({ bridge }: { bridge: Bridge }) {
  const { t } = useTranslation();
  const { status } = useDeviceStatus(bridge);
  if (status?.enrollment !== 'not-enrolled') return null;
  return (
    <section className="device-notice" role="status" aria-labelledby="device-notice-title" data-testid="kiosk-not-enrolled">
      <h2 id="device-notice-title" className="device-notice__title">{t('device.notEnrolled.title')}</h2>
      <p>{t('device.notEnrolled.text')}</p>
    </section>
  );
}
