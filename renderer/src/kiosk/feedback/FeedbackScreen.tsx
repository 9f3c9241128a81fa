import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackRating, FeedbackService } from '../../../../shared/contract/feedback-channels';
import { useKiosk } from '../kiosk-context';
import { ChoiceTile } from '../screens/ChoiceTile';
import { useVisit, type VisitState } from '../visit/visit-context';

const ratings: ReadonlyArray<{ rating: FeedbackRating; icon: 'face-good' | 'face-okay' | 'face-bad' }> = [
  { rating: 'good', icon: 'face-good' },
  { rating: 'okay', icon: 'face-okay' },
  { rating: 'bad', icon: 'face-bad' },
];

/** What the visit used, read from the visit itself: a visit that used nothing else only read information. */
export function servicesUsed(visit: VisitState): FeedbackService[] {
  const used: FeedbackService[] = [];
  if (visit.eligibility) used.push('check');
  if (visit.started) used.push('request');
  if (visit.ticket) used.push('ticket');
  if (Object.keys(visit.scan).length > 0) used.push('scan');
  return used;
}

/**
 * "Hoe was je bezoek?": one optional question at the end, never blocking. Any answer or "skip"
 * ends the visit at once; a failed count does not keep the visitor waiting.
 */
export function FeedbackScreen() {
  const { t } = useTranslation();
  const { bridge, erase } = useKiosk();
  const { visit } = useVisit();
  const [sending, setSending] = useState(false);
  const give = (rating: FeedbackRating): void => {
    if (sending) return;
    setSending(true);
    void bridge.call('feedback.give', { visit: visit.id, rating, services: servicesUsed(visit) }).then(erase, erase);
  };
  return (
    <div className="flow" data-screen="feedback">
      <h1 id="screen-title" tabIndex={-1}>
        {t('feedback.question')}
      </h1>
      <p className="lead">{t('feedback.optional')}</p>
      <ul className="tiles">
        {ratings.map(({ rating, icon }) => (
          <li key={rating}>
            <ChoiceTile icon={icon} title={t(`feedback.ratings.${rating}`)} testId={`feedback-${rating}`} onClick={() => give(rating)} />
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button" data-testid="feedback-skip" onClick={erase}>
          {t('feedback.skip')}
        </button>
      </div>
    </div>
  );
}
