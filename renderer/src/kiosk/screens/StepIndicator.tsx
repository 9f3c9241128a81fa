import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStepSlot } from '../top/step-slot';

/**
 * "Step 2 of 4" in words and as marks, so the count never depends on colour alone. It shows in
 * the top area, next to the task it counts the steps of, wherever the flow renders it.
 */
export function StepIndicator({ step, total, label = 'steps.of' }: { step: number; total: number; label?: 'steps.of' | 'eligibility.questionOf' }) {
  const { t } = useTranslation();
  const slot = useStepSlot();
  const steps = (
    <div className="steps">
      <p className="steps__text">{t(label, { step, total })}</p>
      <ol className="steps__marks" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <li key={i} className={i < step ? 'steps__mark steps__mark--done' : 'steps__mark'}>
            {i < step ? '●' : '○'}
          </li>
        ))}
      </ol>
    </div>
  );
  return slot ? createPortal(steps, slot) : steps;
}
