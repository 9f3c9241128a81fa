import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../shared/contract/languages';
import { Dialog, DialogActions } from './Dialog';
import { LanguageChoice } from './LanguageChoice';

export function LanguageDialog({ onChoose, onClose }: { onChoose(language: LanguageCode): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('language.choose')} onClose={onClose} testId="language-dialog">
      <LanguageChoice onChoose={onChoose} />
      <DialogActions onClose={onClose} closeLabel={t('dialog.close')} />
    </Dialog>
  );
}

export function StopDialog({ onErase, onClose }: { onErase(): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('stop.title')} onClose={onClose} testId="stop-dialog">
      <p>{t('stop.body')}</p>
      <DialogActions primary={{ label: t('stop.confirm'), onClick: onErase }} onClose={onClose} closeLabel={t('stop.cancel')} />
    </Dialog>
  );
}

export function StaffDialog({ onTicket, onClose, staffNote }: { onTicket?: () => void; onClose(): void; staffNote?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('staff.title')} onClose={onClose} testId="staff-dialog">
      <p>{t('staff.body')}</p>
      {staffNote}
      <DialogActions primary={onTicket && { label: t('staff.ticket'), onClick: onTicket }} onClose={onClose} closeLabel={t('dialog.close')} />
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
