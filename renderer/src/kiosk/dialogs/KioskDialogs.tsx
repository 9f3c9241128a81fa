import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../shared/contract/languages';
import { Dialog } from './Dialog';
import { LanguageChoice } from './LanguageChoice';

export function LanguageDialog({ onChoose, onClose }: { onChoose(language: LanguageCode): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('language.choose')} onClose={onClose} testId="language-dialog">
      <LanguageChoice onChoose={onChoose} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}

export function StopDialog({ onErase, onClose }: { onErase(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('stop.title')} onClose={onClose} testId="stop-dialog">
      <p>{t('stop.body')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onErase}>
          {t('stop.confirm')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('stop.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export function StaffDialog({ onTicket, onClose, staffNote }: { onTicket?: () => void; onClose(): void; staffNote?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('staff.title')} onClose={onClose} testId="staff-dialog">
      <p>{t('staff.body')}</p>
      {staffNote}
      <div className="dialog__actions">
        {onTicket && (
          <button type="button" className="button button--primary" onClick={onTicket}>
            {t('staff.ticket')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}

export function IdleDialog({ secondsLeft, onStay }: { secondsLeft: number; onStay(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('idle.title')} onClose={onStay} testId="idle-dialog" className="dialog--idle">
      <p>{t('idle.body')}</p>
      <p className="idle__countdown" aria-hidden="true">
        {t('idle.countdown', { count: secondsLeft })}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary button--big" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </Dialog>
  );
}
