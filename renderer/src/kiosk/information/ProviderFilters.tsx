import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccreditationMark } from '../../../../shared/content/pack-schema';
import type { Trajectory } from '../../../../shared/domain/trajectory';
import { partLanguage } from '../../i18n/i18n';

export interface ProviderFilter {
  value: { trajectory?: Trajectory; mark?: AccreditationMark };
  setTrajectory(trajectory: Trajectory | undefined): void;
  setMark(mark: AccreditationMark | undefined): void;
}

export function useProviderFilter(): ProviderFilter {
  const [trajectory, setTrajectory] = useState<Trajectory | undefined>();
  const [mark, setMark] = useState<AccreditationMark | undefined>();
  return { value: { ...(trajectory ? { trajectory } : {}), ...(mark ? { mark } : {}) }, setTrajectory, setMark };
}

/** Two rows of big toggle buttons; "All" is a choice too, so nothing depends on un-pressing. */
export function ProviderFilters({ filter, trajectories, marks }: { filter: ProviderFilter; trajectories: readonly Trajectory[]; marks: readonly AccreditationMark[] }) {
  const { t, i18n } = useTranslation();
  // The marks' own names are Dutch on every page.
  const dutch = partLanguage('nl', i18n.language);
  return (
    <div className="filters">
      <fieldset className="filter">
        <legend className="filter__legend">{t('info.providers.byTrajectory')}</legend>
        <div className="filter__options">
          <button type="button" className="button button--small" aria-pressed={!filter.value.trajectory} onClick={() => filter.setTrajectory(undefined)}>
            {t('info.providers.all')}
          </button>
          {trajectories.map((id) => (
            <button key={id} type="button" className="button button--small" aria-pressed={filter.value.trajectory === id} data-filter-trajectory={id} onClick={() => filter.setTrajectory(id)}>
              {t(`trajectory.${id}.name`)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="filter">
        <legend className="filter__legend">{t('info.providers.byMark')}</legend>
        <div className="filter__options">
          <button type="button" className="button button--small" aria-pressed={!filter.value.mark} onClick={() => filter.setMark(undefined)}>
            {t('info.providers.all')}
          </button>
          {marks.map((mark) => (
            <button key={mark} type="button" className="button button--small" aria-pressed={filter.value.mark === mark} data-filter-mark={mark} onClick={() => filter.setMark(mark)}>
              <span {...dutch}>{t(`marks.${mark}`)}</span>
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
