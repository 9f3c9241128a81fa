import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptLanguage, LanguageCode } from '../../../../shared/contract/languages';
import type { PrintJobState } from '../../../../shared/printing/print-job';
import { useKiosk } from '../kiosk-context';

export type Shown = 'printing' | 'printed' | 'failed';

const pollMs = 1000;
/** The core gives up on a job after about a minute; the screen stops asking a little later. */
const maxPolls = 90;
/**
 * A receipt prints in a few seconds. The core keeps retrying until its give-up time, but the visitor
 * is told the truth after this many polls (about 10 s) or at the first failed attempt, whichever is
 * first; paper that comes out after all still turns the message into "printed".
 */
const honestAfterPolls = 10;

function shownFor(job: { state: PrintJobState; attempts: number; lastError: string | null }, polls: number): Shown {
  if (job.state === 'printed') return 'printed';
  if (job.state === 'failed' || job.state === 'uncertain') return 'failed';
  return job.lastError !== null || polls >= honestAfterPolls ? 'failed' : 'printing';
}

/**
 * Whether the receipt or ticket came out. Until it has, the code stays on screen anyway; when the
 * printer gives up (or there is none) the visitor is told to photograph the code or ask staff.
 */
export function PrintStatus({ jobId, kind, texts = `print.${kind}`, onShown }: { jobId: string | null; kind: 'receipt' | 'ticket'; /** Where the words live, for a slip of another namespace. */ texts?: string; onShown?: (shown: Shown) => void }) {
  const { t, i18n } = useTranslation();
  const { bridge } = useKiosk();
  const language = LanguageCode.catch('nl').parse(i18n.language);
  const [shown, setShown] = useState<Shown>(jobId ? 'printing' : 'failed');
  useEffect(() => onShown?.(shown), [onShown, shown]);

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let timer: number | undefined;
    const poll = async (count: number): Promise<void> => {
      try {
        const job = await bridge.call('print.job', { jobId });
        if (!live) return;
        const next = shownFor(job, count);
        setShown(next);
        if (job.state !== 'pending' && job.state !== 'sending') return;
      } catch {
        if (live) setShown('failed');
        return;
      }
      if (count < maxPolls) timer = window.setTimeout(() => void poll(count + 1), pollMs);
      else setShown('failed');
    };
    void poll(0);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [bridge, jobId]);

  return (
    <>
      <p className={shown === 'printing' ? 'progress' : shown === 'failed' ? 'notice notice--error' : 'note'} role="status" data-testid="print-status" data-print-state={shown}>
        {shown === 'failed' && <span aria-hidden="true">⚠ </span>}
        {t(`${texts}.${shown}`)}
      </p>
      {jobId && receiptLanguage(language) !== language && (
        <p className="note" data-testid="receipt-language">
          {t(`receiptLanguage.${kind}`)}
        </p>
      )}
    </>
  );
}
