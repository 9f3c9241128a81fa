import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dailyStatsCsv, type PublishedDailyStats } from '../../../shared/stats/published-stats';
import { mergedKey, smallCellThreshold, type PublishedCount } from '../../../shared/stats/suppression';
import type { Bridge } from '../bridge/bridge-client';
import { formatDay, parseDay } from '../../../shared/domain/location-time';
import { errorKey, isSignedOut } from './bridge-errors';
import { Field } from './Field';
import { usePackWords } from './pack-words';

type Counts = PublishedDailyStats['ticketsByTopic'];

/** A suppressed count draws a bar as if it were just under the threshold: it shows "few", never a number. */
const barValue = (count: PublishedCount): number => (count === '<5' ? smallCellThreshold - 1 : count);

/** A bar chart as a list: the numbers are text, the bars only show proportion. */
function Bars({ id, title, counts, label }: { id: string; title: string; counts: Counts; label(key: string): string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...counts.map((c) => barValue(c.count)));
  return (
    <section aria-labelledby={id} className="chart">
      <h3 id={id}>{title}</h3>
      {counts.length === 0 ? (
        <p>{t('counter.stats.none')}</p>
      ) : (
        <ul className="chart__list">
          {counts.map((c) => (
            <li key={c.key} className="chart__row">
              <span className="chart__label">{c.key === mergedKey ? t('counter.stats.merged') : label(c.key)}</span>
              <span className="chart__bar" aria-hidden="true" style={{ inlineSize: `${(barValue(c.count) / max) * 100}%` }} />
              <span className="chart__count">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The day in numbers, without personal data, with a CSV export. */
export function StatsView({ bridge, onSignedOut }: { bridge: Bridge; onSignedOut(): void }) {
  const { t } = useTranslation();
  const words = usePackWords(bridge);
  const [day, setDay] = useState('');
  /** The day as staff type it, Dutch style (dd-mm-jjjj), whatever the browser's own date format. */
  const [typedDay, setTypedDay] = useState<string | null>(null);
  const [dayError, setDayError] = useState<string | null>(null);
  const dayField = useRef<HTMLInputElement>(null);
  const [stats, setStats] = useState<PublishedDailyStats | null>(null);
  const [problem, setProblem] = useState('');
  const showDay = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDay(typedDay ?? '');
    if (!parsed) {
      setDayError(t('counter.stats.dayProblem'));
      dayField.current?.focus();
      return;
    }
    setDayError(null);
    setDay(parsed);
  };

  const fail = useCallback((err: unknown) => (isSignedOut(err) ? onSignedOut() : setProblem(t(errorKey(err)))), [onSignedOut, t]);
  useEffect(() => {
    bridge.call('stats.daily', day ? { day } : {}).then((s) => {
      setStats(s);
      setProblem('');
    }, fail);
  }, [bridge, day, fail]);

  /** "ticket-good" as "Volgnummer: Goed"; "ticket-merged" as "Volgnummer: Samengevoegd". */
  const feedbackLabel = (key: string): string => {
    const [service = '', rating = ''] = key.split(/-(?=[a-z]+$)/);
    return `${t(`feedback.services.${service}`)}: ${rating === mergedKey ? t('feedback.merged') : t(`feedback.ratings.${rating}`)}`;
  };

  const download = () => {
    if (!stats) return;
    const url = URL.createObjectURL(new Blob([dailyStatsCsv(stats)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `loopbaanwinkel-statistiek-${stats.day}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('counter.views.stats')}</h2>
      <p role="status" className="desk-status">
        {problem}
      </p>
      <form className="desk-actions stats__controls" noValidate onSubmit={showDay}>
        <Field
          label={t('counter.stats.day')}
          hint={t('counter.stats.dayHint')}
          inputRef={dayField}
          inputMode="numeric"
          autoComplete="off"
          value={typedDay ?? (stats ? formatDay(stats.day) : '')}
          onChange={(e) => setTypedDay(e.target.value)}
          error={dayError}
        />
        <button type="submit" className="desk-button">
          {t('counter.stats.showDay')}
        </button>
        <button type="button" className="desk-button" onClick={download} disabled={!stats}>
          {t('counter.stats.csv')}
        </button>
      </form>
      {stats && (
        <>
          <p className="stats__rule">{t('counter.stats.suppressionNote')}</p>
          <dl className="facts" data-testid="stats-totals">
            <div className="facts__row"><dt>{t('counter.stats.tickets')}</dt><dd>{stats.tickets}</dd></div>
            <div className="facts__row"><dt>{t('counter.stats.requests')}</dt><dd>{stats.requests}</dd></div>
          </dl>
          <div className="charts">
            <Bars id="chart-topic" title={t('counter.stats.byTopic')} counts={stats.ticketsByTopic} label={words.topic} />
            <Bars id="chart-ticket-outcome" title={t('counter.stats.ticketOutcomes')} counts={stats.ticketOutcomes} label={(k) => t(`counter.stats.ticketStates.${k}`)} />
            <Bars id="chart-trajectory" title={t('counter.stats.byTrajectory')} counts={stats.requestsByTrajectory} label={(k) => t(`trajectory.${k}.name`)} />
            <Bars id="chart-eligibility" title={t('counter.stats.eligibility')} counts={stats.eligibilityOutcomes} label={(k) => t(`counter.request.outcomes.${k}`)} />
            <Bars id="chart-language" title={t('counter.stats.byLanguage')} counts={stats.requestsByLanguage} label={(k) => k.toUpperCase()} />
            <Bars id="chart-origin" title={t('counter.stats.byOrigin')} counts={stats.requestsByOrigin} label={(k) => t(`counter.request.origins.${k}`)} />
            <Bars id="chart-hour" title={t('counter.stats.byHour')} counts={stats.ticketsByHour} label={(k) => `${k}:00`} />
            <Bars id="chart-campaign" title={t('counter.stats.byCampaign')} counts={stats.invitationsByCampaign} label={(k) => k.replace(/-/g, ' ')} />
            <Bars id="chart-feedback-week" title={t('counter.stats.feedbackWeek')} counts={stats.feedbackWeekByService} label={feedbackLabel} />
            <Bars id="chart-request-hour" title={t('counter.stats.requestsByHour')} counts={stats.requestsByHour} label={(k) => `${k}:00`} />
          </div>
        </>
      )}
    </section>
  );
}
