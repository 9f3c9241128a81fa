import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../../shared/contract/languages';
import type { ScanAnswer } from '../../../../shared/self-scan/riasec';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';
import { Pictogram, pictogramFor } from '../pictograms/Pictogram';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Loading } from '../screens/Loading';
import { PrintOnRequest } from '../printing/PrintOnRequest';
import { StepIndicator } from '../screens/StepIndicator';
import { useVisit } from '../visit/visit-context';
import { QrImage } from '../voucher/ReferenceQr';

type Step = { step: 'intro' } | { step: 'statement'; index: number } | { step: 'result' };

const answers: readonly ScanAnswer[] = ['yes', 'a-bit', 'no'];

function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return LanguageCode.catch('nl').parse(i18n.language);
}

/** The career self-scan: an exploration of interests, never advice. Answers stay in this visit only. */
export function SelfScanFlow(props: Step) {
  return (
    <div className="flow" data-screen={`self-scan-${props.step}`}>
      {props.step === 'intro' ? <Intro /> : props.step === 'statement' ? <Statement index={props.index} /> : <Result />}
    </div>
  );
}

function Intro() {
  const { t } = useTranslation();
  const { go } = useKiosk();
  const { dispatch } = useVisit();
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('selfScan.intro.title')}
      </h1>
      <ul className="plain-list">
        <li>{t('selfScan.intro.what')}</li>
        <li>{t('selfScan.intro.noAdvice')}</li>
        <li>{t('selfScan.intro.private')}</li>
      </ul>
      <div className="actions">
        <button type="button" className="button button--primary button--big" data-testid="self-scan-begin"
          onClick={() => {
            dispatch({ type: 'scan', answers: {} });
            go({ screen: 'selfScan', step: 'statement', index: 0 });
          }}
        >
          {t('selfScan.intro.begin')}
        </button>
      </div>
    </>
  );
}

function Statement({ index }: { index: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { go } = useKiosk();
  const { visit, dispatch } = useVisit();
  const statements = useCall('scan.statements', { language });
  if (statements.kind === 'loading') return <Loading />;
  const list = statements.kind === 'ready' ? statements.data.statements : [];
  const statement = list[index];
  if (!statement) return <ErrorNotice message={t('selfScan.failed')} />;
  const choose = (answer: ScanAnswer) => {
    dispatch({ type: 'scan', answers: { ...visit.scan, [statement.id]: answer } });
    go(index + 1 < list.length ? { screen: 'selfScan', step: 'statement', index: index + 1 } : { screen: 'selfScan', step: 'result' });
  };
  return (
    <>
      <StepIndicator step={index + 1} total={list.length} />
      <div className="scan-statement">
        <Pictogram name={pictogramFor(statement.pictogram)} size={96} />
        <h1 id="screen-title" tabIndex={-1}>
          {statement.text}
        </h1>
      </div>
      <div className="answers">
        {answers.map((answer) => (
          <button key={answer} type="button" className="button button--answer" aria-pressed={visit.scan[statement.id] === answer} data-testid={`scan-answer-${answer}`} onClick={() => choose(answer)}>
            {t(`selfScan.answers.${answer}`)}
          </button>
        ))}
      </div>
    </>
  );
}

function Result() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { bridge, finish, go } = useKiosk();
  const { visit } = useVisit();
  const result = useCall('scan.result', { language, answers: visit.scan });
  if (result.kind === 'loading') return <Loading />;
  if (result.kind === 'failed') return <ErrorNotice message={t('selfScan.failed')} />;
  const { strongest, occupations, providers, sampleFigures, takeHome } = result.data;
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        {t('selfScan.result.title')}
      </h1>
      <p className="lead">{t('selfScan.result.explore')}</p>
      {strongest.length === 0 ? (
        <p data-testid="scan-no-areas">{t('selfScan.result.none')}</p>
      ) : (
        <>
          <h2>{t('selfScan.result.areas')}</h2>
          <ul className="plain-list" data-testid="scan-areas">
            {strongest.map((area) => (
              <li key={area}>
                <strong>{t(`selfScan.areas.${area}.name`)}</strong>: {t(`selfScan.areas.${area}.text`)}
              </li>
            ))}
          </ul>
          <h2>{t('selfScan.result.occupations')}</h2>
          <ul className="plain-list" data-testid="scan-occupations">
            {occupations.map((o) => (
              <li key={o.id}>
                {o.name} ({t(`selfScan.levels.${o.trainingLevel}`)}){o.growing && <strong> · {t('selfScan.result.growing')}</strong>}
              </li>
            ))}
          </ul>
          {sampleFigures && <p>{t('selfScan.result.sample')}</p>}
          {providers.length > 0 && (
            <>
              <h2>{t('selfScan.result.providers')}</h2>
              <ul className="plain-list">
                {providers.map((p) => (
                  <li key={p.id} lang="nl">
                    {p.name}
                    {p.phone && ` · ${p.phone}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('selfScan.result.takeHome')}</h2>
          <QrImage text={takeHome} alt={t('selfScan.result.qrAlt')} testId="scan-qr" />
          <p>{t('selfScan.result.qrHolds')}</p>
          <PrintOnRequest label={t('selfScan.result.print')} testId="scan-print" print={() => bridge.call('scan.print', { language, answers: visit.scan })} />
        </>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => go({ screen: 'ticket', step: 'topic', ...(strongest.length ? { scanAreas: strongest } : {}) })} data-testid="scan-talk">
          {t('selfScan.result.talk')}
        </button>
        <button type="button" className="button button--primary" onClick={finish} data-testid="scan-done">
          {t('selfScan.result.done')}
        </button>
      </div>
    </>
  );
}
