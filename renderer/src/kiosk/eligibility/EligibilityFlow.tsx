import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../../shared/contract/languages';
import type { AnswerProblem } from '../../../../shared/eligibility/outcome-schema';
import { toSnapshot } from '../../../../shared/eligibility/snapshot';
import { partLanguage } from '../../i18n/i18n';
import { useCall } from '../data/use-call';
import { useKiosk } from '../kiosk-context';
import { ErrorNotice } from '../screens/ErrorNotice';
import { Pictogram, type PictogramName } from '../pictograms/Pictogram';
import { Loading } from '../screens/Loading';
import { useVisit } from '../visit/visit-context';
import { canRequest } from '../../../../shared/eligibility/can-request';
import { isOutpost, talkRoute } from '../appointments/outpost';
import { QuestionStep, type Answer } from './QuestionStep';
import { WhoElseCanHelp } from '../referral/WhoElseCanHelp';

type Step = { step: 'start' } | { step: 'question'; question: string } | { step: 'result' };

function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return LanguageCode.catch('nl').parse(i18n.language);
}

export function EligibilityFlow(props: Step) {
  switch (props.step) {
    case 'start':
      return <StartStep />;
    case 'question':
      return <Question id={props.question} />;
    case 'result':
      return <ResultStep />;
  }
}

/** Asks the engine what to do next with the answers so far: the next question, or the result. */
function useAdvance(): { advance(answers: Record<string, Answer>, current?: string): Promise<void>; busy: boolean; failed: boolean; problem: AnswerProblem | null } {
  const { bridge, go } = useKiosk();
  const { dispatch } = useVisit();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const advance = async (answers: Record<string, Answer>, current?: string): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      const outcome = await bridge.call('eligibility.check', { answers, language });
      dispatch({ type: 'answers', answers });
      const invalid = outcome.invalidAnswers.find((i) => i.question === current);
      setBusy(false);
      if (invalid) return setProblem(invalid.problem);
      setProblem(null);
      go(outcome.nextQuestion ? { screen: 'eligibility', step: 'question', question: outcome.nextQuestion } : { screen: 'eligibility', step: 'result' });
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };
  return { advance, busy, failed, problem };
}

/** The start of the check; beginning again starts from an empty sheet. */
function StartStep() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { askStaff } = useKiosk();
  const { visit, dispatch } = useVisit();
  const { advance, busy, failed } = useAdvance();
  // Answering differently does not change what is true: after a "no" the kiosk says so kindly and offers a person first.
  const { refused } = visit;
  return (
    <div className="flow" data-screen="eligibility-start" data-refused={refused || undefined}>
      <h1 id="screen-title" tabIndex={-1}>
        {refused ? t('kioskHonest.again.title') : t('eligibility.start.title')}
      </h1>
      {refused ? (
        <div className="again" data-testid="eligibility-again">
          <p>{t('kioskHonest.again.body')}</p>
          <p>{t('kioskHonest.again.staff')}</p>
        </div>
      ) : (
        <ul className="plain-list">
          <li>{t('eligibility.start.few')}</li>
          <li>{t('eligibility.start.private')}</li>
        </ul>
      )}
      {!refused && visit.voucher.provider && (
        <p className="note" data-testid="check-for-provider">
          {t('eligibility.start.forProvider')} <strong {...partLanguage('nl', language)}>{visit.voucher.provider.name}</strong>
        </p>
      )}
      {failed && <ErrorNotice message={t('eligibility.failed')} />}
      <div className={refused ? 'actions actions--stacked' : 'actions'}>
        {refused && (
          <button type="button" className="button button--primary button--big" data-testid="eligibility-ask-staff" onClick={askStaff}>
            {t('toolbar.staff')}
          </button>
        )}
        <button type="button" className={refused ? 'button' : 'button button--primary button--big'} data-testid="eligibility-begin"
          disabled={busy}
          onClick={() => {
            dispatch({ type: 'eligibility', snapshot: null });
            // An invitation letter's answers stay: those questions are not asked.
            void advance(visit.invitation?.preAnswers ?? {});
          }}
        >
          {refused ? t('kioskHonest.again.begin') : t('eligibility.start.begin')}
        </button>
      </div>
    </div>
  );
}

function Question({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { visit } = useVisit();
  const questions = useCall('eligibility.questions', { language });
  const { advance, busy, failed, problem } = useAdvance();
  if (questions.kind === 'loading') return <Loading />;
  // Count only the questions this visitor will be asked: the earlier voucher's date only after "yes".
  const asked = questions.kind === 'ready' ? questions.data.questions.filter((q) => q.id === id || !q.askedAfterYesTo || visit.answers[q.askedAfterYesTo] === true) : [];
  const index = asked.findIndex((q) => q.id === id);
  const question = asked[index];
  if (!question) return <ErrorNotice message={t('eligibility.failed')} />;
  return (
    <>
      <QuestionStep
        question={question}
        step={index + 1}
        total={asked.length}
        answer={visit.answers[id]}
        problem={problem}
        busy={busy}
        onAnswer={(answer) => void advance({ ...visit.answers, [id]: answer }, id)}
      />
      {failed && <ErrorNotice message={t('eligibility.failed')} />}
    </>
  );
}

const outcomePictogram = { eligible: 'check', notEligible: 'stop', needsStaff: 'talk' } as const satisfies Record<string, PictogramName>;

function ResultStep() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { go, info } = useKiosk();
  // An outpost has no desk to finish a request at: the next step there is an appointment at a shop.
  const outpost = isOutpost(info);
  const { visit, dispatch } = useVisit();
  // Checked again here, so the reasons follow the visitor's language if they switch it now.
  const result = useCall('eligibility.check', { answers: visit.answers, language });
  const outcome = result.kind === 'ready' ? result.data : null;

  useEffect(() => {
    if (outcome) dispatch({ type: 'eligibility', snapshot: toSnapshot(outcome) });
  }, [outcome, dispatch]);

  if (result.kind === 'loading') return <Loading />;
  if (!outcome || outcome.status === 'incomplete') {
    return (
      <div data-screen="eligibility-result">
        <h1 id="screen-title" tabIndex={-1}>
          {t('home.eligibility')}
        </h1>
        <ErrorNotice message={t('eligibility.failed')} />
      </div>
    );
  }
  const status = outcome.status;
  const snapshot = toSnapshot(outcome);
  // A "talk to staff" reason is not a refusal: it gets the speech bubble, never the cross.
  const mark = (code: string): string => (code === 'passed' ? '✓' : code === 'failed' && status === 'notEligible' ? '✗' : code === 'failed' ? '→' : '?');
  return (
    <div className="flow" data-screen="eligibility-result" data-outcome={status}>
      <div className={`outcome outcome--${status}`} data-testid="outcome">
        <span className="outcome__sign">
          <Pictogram name={outcomePictogram[status]} size={64} />
        </span>
        <div>
          <p className="outcome__kind">{t(`kioskHonest.kind.${status}`)}</p>
          <h1 id="screen-title" tabIndex={-1}>
            {t(`eligibility.result.${status}.title`)}
          </h1>
        </div>
      </div>
      <p className="lead">{t(`eligibility.result.${status}.intro`)}</p>
      {outcome.eligibleFrom && (
        <p className="lead" data-testid="eligible-from">
          {t('eligibility.result.from', { date: new Date(`${outcome.eligibleFrom}T12:00:00`), formatParams: { date: { dateStyle: 'long' } } })}
        </p>
      )}
      {outcome.provisional && <p className="note">{t('eligibility.result.provisional')}</p>}
      {/* The next step comes first, so it is on screen without scrolling; the reasons follow. */}
      <div className="actions actions--stacked">
        {!outpost && status === 'eligible' && canRequest(snapshot) && (
          <button type="button" className="button button--primary button--big" data-testid="result-request" onClick={() => go({ screen: 'voucher', step: 'trajectory' })}>
            {t('eligibility.result.request')}
          </button>
        )}
        <button type="button" className={`button${status === 'eligible' && !outpost ? '' : ' button--primary button--big'}`} data-testid="result-talk" onClick={() => go(talkRoute(info))}>
          {outpost ? t('appointments.home.title') : t('eligibility.result.talk')}
        </button>
        {!outpost && status === 'needsStaff' && canRequest(snapshot) && (
          <button type="button" className="button" data-testid="result-request" onClick={() => go({ screen: 'voucher', step: 'trajectory' })}>
            {t('eligibility.result.requestWithStaff')}
          </button>
        )}
      </div>
      <h2>{status === 'eligible' ? t('eligibility.result.checked') : t('eligibility.result.why')}</h2>
      <ul className="reasons">
        {outcome.reasons.map((reason) => (
          <li key={`${reason.rule}-${reason.code}`} className={`reason reason--${reason.code}`}>
            <span className="reason__mark" aria-hidden="true">
              {mark(reason.code)}
            </span>
            <span {...partLanguage(reason.lang, language)}>{reason.text}</span>
          </li>
        ))}
      </ul>
      {/* Someone on a benefit whom staff must see: the benefit's own office can help too. */}
      {status === 'needsStaff' && visit.answers.hasBenefit === true && <WhoElseCanHelp kinds={['uwv', 'werkplein', 'schuldhulp']} />}
      {outcome.centralChecks.length > 0 && (
        <>
          <h2>{t('eligibility.result.later')}</h2>
          <ul className="plain-list">
            {outcome.centralChecks.map((check) => (
              <li key={check.rule} {...partLanguage(check.lang, language)}>
                {check.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
