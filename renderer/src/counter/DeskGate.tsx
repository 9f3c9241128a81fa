import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/app-info';
import { DeviceFacts } from './DeviceFacts';

/** The page before the desk opens (first-run setup, sign-in, the lock screen): a form beside the device facts IT asks for. */
export function DeskGate({ info, titleId, title, intro, children }: { info: AppInfo; titleId: string; title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="desk-gate-page">
      <main className="desk-gate" aria-labelledby={titleId}>
        <h1 id={titleId}>{title}</h1>
        <p>{intro}</p>
        {children}
      </main>
      <aside className="desk-gate__facts" aria-label={t('counter.subtitle')}>
        <DeviceFacts info={info} />
      </aside>
    </div>
  );
}
