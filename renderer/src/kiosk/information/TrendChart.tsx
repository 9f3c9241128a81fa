import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/i18n';

export interface Trend {
  label: string;
  /** lang and dir when the label falls back to another language than the page. */
  part?: { lang?: string; dir?: 'ltr' | 'rtl' };
  changePercent: number;
}

/**
 * Growing or shrinking occupations as horizontal bars. Each bar carries its number and an arrow
 * in text, so neither colour nor length alone carries the meaning; the list is a real list, so a
 * screen reader reads it as one.
 */
export function TrendChart({ title, trends, testId }: { title: string; trends: readonly Trend[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  // Largest change first, whatever order the pack lists them in.
  const sorted = [...trends].sort((a, b) => Math.abs(b.changePercent) - Math.abs(a.changePercent));
  const max = Math.max(1, ...sorted.map((trend) => Math.abs(trend.changePercent)));
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', signDisplay: 'always', maximumFractionDigits: 0 });
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__title">{title}</figcaption>
      <ul className="chart__bars">
        {sorted.map((trend) => {
          const up = trend.changePercent >= 0;
          return (
            <li key={trend.label} className="chart__row">
              <span className="chart__label" {...trend.part}>
                {trend.label}
              </span>
              <span className="chart__track" aria-hidden="true">
                <span className={`chart__bar ${up ? 'chart__bar--up' : 'chart__bar--down'}`} style={{ inlineSize: `${(Math.abs(trend.changePercent) / max) * 100}%` }} />
              </span>
              <span className="chart__value">
                <span aria-hidden="true">{up ? '▲ ' : '▼ '}</span>
                {percent.format(trend.changePercent / 100)}
                <span className="visually-hidden"> {up ? t('info.work.growing') : t('info.work.shrinking')}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
