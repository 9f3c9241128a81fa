import type { TFunction } from 'i18next';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';
import { locationTimeZone } from '../../../shared/domain/location-time';

export interface SubjectRecordWords {
  lng: 'nl' | 'en';
  title: string;
  from: string;
  intro: string;
  rows: Array<[label: string, value: string]>;
  notes: string[];
  trailTitle: string;
  trail: string[];
  rightsTitle: string;
  rights: string;
}

/**
 * What a visitor is given about their own data, in their language where the desk has it (Dutch
 * otherwise), with the location's clock: the same words on the A4 printout and in the readable
 * export file. Like the screen it never holds the full BSN.
 */
export function subjectRecordWords(
  record: SubjectRecord,
  deskT: TFunction,
  context: { locationName: string; providerName: string | null; at: Date; medium: 'paper' | 'file' },
): SubjectRecordWords {
  const r = record.request;
  const lng = r.language === 'en' ? 'en' : 'nl';
  const t = (key: string, options: Record<string, unknown> = {}): string => deskT(key, { ...options, lng });
  const dutch = (iso: string | Date) => new Date(iso).toLocaleString(lng === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: locationTimeZone });
  const none = t('counter.printout.none');
  const rows: Array<[string, string]> = [
    [t('counter.sync.reference'), r.reference],
    [t('counter.request.state'), t(`counter.request.states.${r.status}`)],
    [t('counter.request.trajectory'), t(`trajectory.${r.trajectory}.name`)],
    [t('counter.printout.provider'), context.providerName ?? none],
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
  return {
    lng,
    title: t('counter.printout.title'),
    from: t(context.medium === 'paper' ? 'counter.printout.from' : 'counter.printout.fromFile', { location: context.locationName, date: dutch(context.at) }),
    intro: t('counter.printout.intro'),
    rows,
    notes: [record.sentToCentral ? t('counter.printout.central') : t('counter.printout.onlyHere'), ...(record.personalDataErased ? [t('counter.printout.erased')] : [])],
    trailTitle: t('counter.printout.trail'),
    trail: record.trail.map((step) => `${dutch(step.at)}: ${t(`counter.printout.actions.${step.action}`, { defaultValue: step.action })}`),
    rightsTitle: t('counter.printout.rightsTitle'),
    rights: t('counter.printout.rights'),
  };
}

/** The same words as a plain text file the visitor can open anywhere. */
/** `note` says where the same record is for a computer. */
export function subjectRecordText(words: SubjectRecordWords, note: string): string {
  const width = Math.max(...words.rows.map(([label]) => label.length));
  return [
    words.title,
    '',
    words.from,
    words.intro,
    '',
    ...words.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    '',
    ...words.notes,
    '',
    words.trailTitle,
    ...words.trail.map((line) => `- ${line}`),
    '',
    words.rightsTitle,
    words.rights,
    '',
    note,
    '',
  ].join('\n');
}
