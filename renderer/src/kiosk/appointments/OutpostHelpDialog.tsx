import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../shared/content/localized-text';
import { useCall } from '../data/use-call';
import { Dialog, DialogActions } from '../dialogs/Dialog';

/**
 * "Help" on an outpost kiosk, where nobody from the shop works: it sends nobody to a desk. It names
 * the region's shops with their phone numbers and offers an appointment instead.
 */
export function OutpostHelpDialog({ onAppointment, onClose }: { onAppointment?: () => void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const overview = useCall('appointments.overview', {});
  return (
    <Dialog title={t('appointments.outpost.helpTitle')} onClose={onClose} testId="staff-dialog">
      <p>{t('appointments.outpost.helpBody')}</p>
      {overview.kind === 'ready' && (
        <ul className="plain-list" data-testid="outpost-shops">
          {overview.data.locations.slice(0, 3).map((shop) => (
            <li key={shop.locationId}>
              {shop.phone ? t('appointments.outpost.shopPhone', { shop: shop.name, phone: shop.phone }) : shop.name}
              {' · '}
              {pickText(shop.openingHours, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      <DialogActions primary={onAppointment && { label: t('appointments.home.title'), onClick: onAppointment }} onClose={onClose} closeLabel={t('dialog.close')} />
    </Dialog>
  );
}
