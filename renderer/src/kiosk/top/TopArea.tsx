import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/app-info';
import type { QueueNow } from '../../../../shared/contract/requests-channels';
import { clockParts } from '../appointments/when';
import { Pictogram } from '../pictograms/Pictogram';
import type { Task } from './task';

interface Props {
  info: AppInfo;
  task: Task;
  queue: QueueNow;
  now: Date | null;
  /** Where a flow's step indicator is put (see StepSlotContext). */
  stepSlot(element: HTMLElement | null): void;
}

function QueueLine({ queue }: { queue: NonNullable<QueueNow> }) {
  const { t } = useTranslation();
  if (queue.waiting === 0) return <>{t('where.queue.none')}</>;
  const people = t('where.queue.people', { count: queue.waiting });
  if (queue.expectedWaitMinutes === null) return <>{people}</>;
  return <>{t('where.queue.withTime', { people, minutes: t('where.queue.minutes', { count: queue.expectedWaitMinutes }) })}</>;
}

/**
 * The top of every kiosk screen: which shop, the time, where the visitor is (the task's pictogram,
 * its name, the step) and, where it helps, the queue. It fills the part of a portrait screen that is
 * out of comfortable reach, so the content and its actions stay low; in landscape it is a side band.
 */
export function TopArea({ info, task, queue, now, stepSlot }: Props) {
  const { t, i18n } = useTranslation();
  const time = now && t('appointments.when.time', clockParts(now.toISOString(), i18n.language));
  return (
    <header className="kiosk__top" data-testid="top-area">
      <div className="kiosk__bar">
        <p className="kiosk__brand">{t('brand')}</p>
        <p className="kiosk__location">{info.location.name}</p>
        {info.demo && <p className="badge">{t('welcome.demo')}</p>}
        {time && (
          <p className="kiosk__clock" data-testid="top-clock">
            <span className="visually-hidden">{t('where.time')}: </span>
            <time dateTime={now.toISOString()}>{time}</time>
          </p>
        )}
      </div>
      <section className="where" aria-label={t('where.label')}>
        <div className="where__art">
          <Pictogram name={task.icon} size={24} />
        </div>
        <p className="where__task" data-testid="top-task">
          {t(task.title)}
        </p>
        <div className="where__step" ref={stepSlot} data-testid="top-step" />
        {task.queue && queue && (
          <p className="where__queue" data-testid="top-queue">
            <Pictogram name="people" size={40} />
            <span>
              <QueueLine queue={queue} />
            </span>
          </p>
        )}
      </section>
    </header>
  );
}
