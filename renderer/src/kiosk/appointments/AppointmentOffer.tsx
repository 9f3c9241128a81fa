import { useTranslation } from 'react-i18next';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';

/** From this expected wait on, the ticket screen offers an appointment for another time. */
export const longWaitMinutes = 30;

/**
 * "Talk to someone" also offers an appointment: prominently when no desk is open now (outside the
 * shop's opening times) or the wait is long, quietly otherwise.
 */
export function AppointmentOffer({ expectedWaitMinutes, place = 'any', mainAction = true }: {
  expectedWaitMinutes?: number | null;
  /** A screen that shows it above its choices when it matters and below them when it does not. */
  place?: 'any' | 'urgent' | 'quiet';
  /** False where the screen has its own main action (the ticket's "Klaar"): one primary button per screen. */
  mainAction?: boolean;
}) {
  const { t } = useTranslation();
  const { go, info } = useKiosk();
  const overview = useCall('appointments.overview', {});
  if (overview.kind !== 'ready' || overview.data.route === 'none' || overview.data.topics.length === 0) return null;
  const here = overview.data.locations.find((l) => l.locationId === info.location.id) ?? overview.data.locations[0];
  const closed = here ? !here.openNow : false;
  const longWait = expectedWaitMinutes !== undefined && expectedWaitMinutes !== null && expectedWaitMinutes >= longWaitMinutes;
  const urgent = closed || longWait;
  if ((place === 'urgent' && !urgent) || (place === 'quiet' && urgent)) return null;
  return (
    <div className={urgent ? 'notice notice--calm appointment-offer' : 'appointment-offer'} data-testid="appointment-offer" data-urgent={urgent}>
      {closed && <p>{t('appointments.offer.closed')}</p>}
      {!closed && longWait && <p>{t('appointments.offer.longWait')}</p>}
      <div className="actions">
        <button type="button" className={urgent && mainAction ? 'button button--primary' : 'button'} data-testid="offer-appointment" onClick={() => go({ screen: 'appointment', step: 'topic' })}>
          {t('appointments.offer.button')}
        </button>
      </div>
    </div>
  );
}
