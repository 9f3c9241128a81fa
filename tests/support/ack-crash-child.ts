// A device process for the acknowledgement crash test. `kill`: queues MESSAGES requests (two per
// aggregate) on first start, sends them, and kills itself with SIGKILL inside the transaction that
// commits a batch of acknowledgements, once KILL_AFTER acknowledgements were recorded and at the
// second one of a batch, so at least one received acknowledgement dies uncommitted. Before dying
// it prints the outbox ids of that batch. `drain`: sends what is left, then exits.
// Bundled by the test; arguments: MODE DATA_DIR SIM_URL CODE MESSAGES KILL_AFTER
import { writeSync } from 'node:fs';
import { device } from './sync-rig';

const [mode, dataDir, simUrl, code, messages, killAfter] = process.argv.slice(2);
if (!mode || !dataDir || !simUrl || !code || !messages || !killAfter) throw new Error('usage: ack-crash-child.ts kill|drain DATA_DIR SIM_URL CODE MESSAGES KILL_AFTER');

let recorded = 0;
let batch: number[] = [];
const d = device(
  { url: simUrl, issueEnrollmentCode: () => code },
  {
    dataDir,
    maxInFlight: 16,
    requestTimeoutMs: 2000,
    onAcked: (message) => {
      if (mode !== 'kill') return;
      // Every acknowledgement of one batch is recorded in one synchronous transaction: a microtask
      // runs only after it committed, so it marks where the next batch starts.
      if (batch.length === 0) queueMicrotask(() => (batch = []));
      batch.push(message.id);
      recorded++;
      if (recorded >= Number(killAfter) && batch.length >= 2) {
        // Synchronous, so the line is out before the process dies.
        writeSync(1, `uncommitted ${batch.join(',')}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
    },
  },
);

if (mode === 'kill' && d.outbox.counts().pending === 0 && d.outbox.counts().acked === 0) {
  d.store.db.transaction(() => {
    for (let i = 0; i < Number(messages); i++) d.enqueue(i, `agg-${i % (Number(messages) / 2)}`);
  })();
}
d.worker.start();
await d.waitUntilDrained(25_000);
await d.close();
writeSync(1, 'drained\n');
