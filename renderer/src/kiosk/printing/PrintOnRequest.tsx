import { useState } from 'react';
import { PrintStatus } from './PrintStatus';

/** A "print this" button that becomes the print job's status once pressed (a failed call shows as not printed). */
export function PrintOnRequest({ label, testId, print }: { label: string; testId: string; print(): Promise<{ id: string }> }) {
  const [printed, setPrinted] = useState<{ jobId: string | null } | null>(null);
  if (printed) return <PrintStatus jobId={printed.jobId} kind="receipt" />;
  return (
    <div className="actions">
      <button type="button" className="button" data-testid={testId}
        onClick={() => void print().then((job) => setPrinted({ jobId: job.id }), () => setPrinted({ jobId: null }))}
      >
        {label}
      </button>
    </div>
  );
}
