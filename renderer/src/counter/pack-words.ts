import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../shared/content/localized-text';
import type { ContentPack } from '../../../shared/content/pack-schema';
import { otherTicketTopic } from '../../../shared/domain/ticket-topic';
import type { Bridge } from '../bridge/bridge-client';

type Topic = Pick<ContentPack['topics'][number], 'id' | 'title'>;

/**
 * The pack's words on the desk, from the same source the kiosk and the receipts read: a topic by
 * its title in the pack (in the desk's language), "other" by the kiosk's words for it, and a
 * trajectory by the kiosk's name for it. Appointment topics (in the queue and the agenda) by their
 * title in the pack too. An id the pack does not know is shown as it is stored.
 */
export function usePackWords(bridge: Bridge): { topic(id: string): string; trajectory(id: string): string } {
  const { t, i18n } = useTranslation();
  const [topics, setTopics] = useState<Topic[]>([]);
  useEffect(() => {
    // Without a pack (or before it answers) the ids are shown; the queue keeps working.
    void Promise.all([
      bridge.call('content.topics', {}).catch(() => []),
      bridge.call('appointments.overview', {}).then((o) => o.topics, () => []),
    ]).then(([walkIn, booked]) => setTopics([...walkIn, ...booked]));
  }, [bridge]);
  return {
    topic: (id) => {
      if (id === otherTicketTopic) return t('ticket.topics.other');
      const known = topics.find((x) => x.id === id);
      return known ? pickText(known.title, i18n.language) : id;
    },
    trajectory: (id) => t(`trajectory.${id}.name`, { defaultValue: id }),
  };
}
