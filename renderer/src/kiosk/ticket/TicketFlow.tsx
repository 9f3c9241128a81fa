import { useState } from 'react';
import type { InterestArea } from '../../../../shared/self-scan/riasec';
import { useTranslation } from 'react-i18next';
import { AppointmentOffer } from '../appointments/AppointmentOffer';
import { useKiosk } from '../kiosk-context';
import type { PictogramName } from '../pictograms/Pictogram';
import { ChoiceTile } from '../screens/ChoiceTile';
import { PrintStatus } from '../printing/PrintStatus';
import { ErrorNotice } from '../screens/ErrorNotice';
import { useVisit } from '../visit/visit-context';

/** What a conversation can be about; staff see the topic next to the number. Words in the translations. */
export const ticketTopics: ReadonlyArray<{ id: string; icon: PictogramName }> = [
  { id: 'voucher', icon: 'voucher' },
  { id: 'work', icon: 'career' },
  { id: 'learning', icon: 'study' },
  { id: 'money', icon: 'money' },
  { id: 'other', icon: 'talk' },
];

export function TicketFlow(route: { step: 'topic'; scanAreas?: InterestArea[] } | { step: 'number' }) {
  return <div data-screen={`ticket-${route.step}`}>{route.step === 'topic' ? <TopicStep scanAreas={route.scanAreas} /> : <TicketNumber />}</div>;
}

function TopicStep({ scanAreas }: { scanAreas?: InterestArea[] }) {
  const { t } = useTranslation();
  const { bridge, reset } = useKiosk();
  const { dispatch } = useVisit();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'taking'; topic: string } | { kind: 'failed' }>({ kind: 'idle' });
  const take = async (topic: string): Promise<void> => {
    setState({ kind: 'taking', topic });
    try {
      const ticket = await bridge.call('ticket.take', { topic, ...(scanAreas?.length ? { scanAreas } : {}) });
      dispatch({ type: 'ticket', ticket });
      reset([{ screen: 'welcome' }, { screen: 'home' }, { screen: 'ticket', step: 'number' }]);
    } catch {
      setState({ kind: 'failed' });
    }
  };
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('ticket.topic.title')}
      </h1>
      <p className="lead">{t('ticket.topic.intro')}</p>
      {scanAreas && scanAreas.length > 0 && (
        <p data-testid="ticket-scan-areas">{t('ticket.topic.scanAreas', { areas: scanAreas.map((area) => t(`selfScan.areas.${area}.name`)).join(', ') })}</p>
      )}
      {state.kind === 'failed' && <ErrorNotice message={t('ticket.topic.failed')} />}
      {state.kind === 'taking' && (
        <p className="progress" role="status">
          {t('ticket.topic.taking')}
        </p>
      )}
      <AppointmentOffer place="urgent" />
      <ul className="tiles">
        {ticketTopics.map(({ id, icon }) => (
          <li key={id}>
            <ChoiceTile icon={icon} title={t(`ticket.topics.${id}`)} testId={`ticket-topic-${id}`} onClick={() => state.kind !== 'taking' && void take(id)} />
          </li>
        ))}
      </ul>
      <AppointmentOffer place="quiet" />
    </>
  );
}

function TicketNumber() {
  const { t } = useTranslation();
  const { finish } = useKiosk();
  const { visit } = useVisit();
  const ticket = visit.ticket;
  if (!ticket) return null;
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('ticket.number.title')}
      </h1>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <PrintStatus jobId={ticket.printJobId} kind="ticket" />
      <p className="lead">{t('ticket.number.topic', { topic: t(`ticket.topics.${ticket.topic}`) })}</p>
      {ticket.expectedWaitMinutes !== null && <p className="lead">{t('ticket.number.wait', { count: ticket.expectedWaitMinutes })}</p>}
      <p>{t('ticket.number.next')}</p>
      <AppointmentOffer expectedWaitMinutes={ticket.expectedWaitMinutes} mainAction={false} />
      <div className="actions">
        <button type="button" className="button button--primary" data-testid="ticket-done" onClick={finish}>
          {t('ticket.number.finish')}
        </button>
      </div>
    </>
  );
}
