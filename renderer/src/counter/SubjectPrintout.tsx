import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SubjectRecord } from '../../../shared/contract/desk-channels';
import { subjectRecordWords } from './subject-record-words';

interface Props {
  record: SubjectRecord;
  locationName: string;
  providerName: string | null;
  printedAt: Date;
}

/**
 * The subject-access record on A4 for the visitor to take home. It lives outside the app's root so
 * the print style sheet can hide the whole desk and show only this; its words are the export file's.
 */
export function SubjectPrintout({ record, locationName, providerName, printedAt }: Props) {
  const { t } = useTranslation();
  const words = subjectRecordWords(record, t, { locationName, providerName, at: printedAt, medium: 'paper' });
  return createPortal(
    <article className="print-document" lang={words.lng} data-testid="subject-printout">
      <h1>{words.title}</h1>
      <p>{words.from}</p>
      <p>{words.intro}</p>
      <table>
        <tbody>
          {words.rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {words.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <h2>{words.trailTitle}</h2>
      <ol>
        {words.trail.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <h2>{words.rightsTitle}</h2>
      <p>{words.rights}</p>
    </article>,
    document.body,
  );
}
