import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';

interface Props {
  record: SubjectRecord;
  locationName: string;
  providerName: string | null;
  printedAt: Date;
}

/**
 * The subject-access record on A4 for the visitor to take home. It lives outside the app's root so
 * the print style sheet can hide the whole desk and show only this. It is written in the visitor's
 * language where the desk has it (Dutch otherwise), and like the screen it never shows the full BSN.
 */
export function SubjectPrintout({ record, locationName, providerName, printedAt }: Props) {
  const { t: deskT } = useTranslation();
  const r = record.request;
  const lng = r.language === 'en' ? 'en' : 'nl';
  const t = (key: string, options: Record<string, unknown> = {}) => deskT(key, { ...options, lng });
  const dutch = (iso: string | Date) => new Date(iso).toLocaleString(lng === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const none = t('counter.printout.none');
  const rows: Array<[string, string]> = [
    [t('counter.sync.reference'), r.reference],
    [t('counter.request.state'), t(`counter.request.states.${r.status}`)],
    [t('counter.request.trajectory'), t(`counter.request.trajectories.${r.trajectory}`)],
    [t('counter.printout.provider'), providerName ?? none],
    [t('counter.request.started'), dutch(r.createdAt)],
    [t('counter.printout.language'), new Intl.DisplayNames([lng], { type: 'language' }).of(r.language) ?? r.language],
    [t('counter.request.eligibility'), t(`counter.request.outcomes.${r.eligibility.outcome}`)],
    [t('counter.request.name'), r.contact?.name ?? none],
    [t('counter.attention.email'), r.contact?.email ?? none],
    [t('counter.attention.phone'), r.contact?.phone ?? none],
    [t('counter.request.document'), r.identity ? t(`counter.request.documents.${r.identity.document}`) : none],
    [t('counter.request.bsn'), r.identity?.bsnMasked ? t('counter.printout.bsnMasked', { masked: r.identity.bsnMasked }) : none],
  ];
  if (r.completedAt) rows.push([t('counter.printout.completed'), dutch(r.completedAt)]);
  if (r.cancelledAt) rows.push([t('counter.printout.cancelled'), `${dutch(r.cancelledAt)}${r.cancelReason ? ` (${r.cancelReason})` : ''}`]);

  return createPortal(
    <article className="print-document" lang={lng} data-testid="subject-printout">
      <h1>{t('counter.printout.title')}</h1>
      <p>{t('counter.printout.from', { location: locationName, date: dutch(printedAt) })}</p>
      <p>{t('counter.printout.intro')}</p>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{record.sentToCentral ? t('counter.printout.central') : t('counter.printout.onlyHere')}</p>
      {record.personalDataErased && <p>{t('counter.printout.erased')}</p>}
      <h2>{t('counter.printout.trail')}</h2>
      <ol>
        {record.trail.map((step, i) => (
          <li key={i}>
            {dutch(step.at)}: {t(`counter.printout.actions.${step.action}`, { defaultValue: step.action })}
          </li>
        ))}
      </ol>
      <h2>{t('counter.printout.rightsTitle')}</h2>
      <p>{t('counter.printout.rights')}</p>
    </article>,
    document.body,
  );
}
