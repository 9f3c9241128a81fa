import { describe, expect, it } from 'vitest';
import { device } from '../../support/sync-rig';

describe('outbox bookkeeping commits', () => {
  it('relax fsync only for their own transaction: the next enqueue waits for the disk again', async () => {
    // No simulator is needed: the worker is never started.
    const d = device({ url: 'http://127.0.0.1:9', issueEnrollmentCode: () => 'unused' });
    const synchronous = (): unknown => d.store.db.pragma('synchronous', { simple: true });
    try {
      d.enqueue(1, 'agg-1');
      d.enqueue(2, 'agg-2');
      const [first, second] = d.outbox.ready(d.clock.now(), [], 2);
      if (!first || !second) throw new Error('two rows expected');
      expect(synchronous()).toBe(2);
      expect(d.outbox.markAcked([{ message: first, receipt: { status: 'accepted' }, at: d.clock.now() }])).toEqual([null]);
      expect(synchronous()).toBe(2);
      d.outbox.markRetry(second.id, d.clock.now(), 'test', d.clock.now());
      expect(synchronous()).toBe(2);
      // A failure inside the relaxed transaction still puts FULL back and leaves the row pending.
      const failed = d.outbox.markAcked([{ message: second, receipt: { status: 'accepted' }, at: d.clock.now(), alsoInTransaction: () => { throw new Error('domain stamp failed'); } }]);
      expect(failed).toEqual([new Error('domain stamp failed')]);
      expect(synchronous()).toBe(2);
      expect(d.outbox.pendingCount()).toBe(1);
    } finally {
      await d.close();
    }
  });

  it('commit acknowledgements that arrived together at once; one whose domain stamp fails stays pending alone', async () => {
    const d = device({ url: 'http://127.0.0.1:9', issueEnrollmentCode: () => 'unused' });
    try {
      for (let i = 0; i < 3; i++) d.enqueue(i, `agg-${i}`);
      const rows = d.outbox.ready(d.clock.now(), [], 3);
      expect(rows).toHaveLength(3);
      const stamped: number[] = [];
      const failures = d.outbox.markAcked(
        rows.map((message, i) => ({
          message,
          receipt: { n: i },
          at: d.clock.now(),
          alsoInTransaction: () => {
            d.store.db.prepare("INSERT INTO audit (at, action, aggregate_type, aggregate_id) VALUES ('x', 'test.stamp', 't', ?)").run(String(message.id));
            if (i === 1) throw new Error('domain stamp failed');
            stamped.push(message.id);
          },
        })),
      );
      expect(failures.map((f) => (f instanceof Error ? f.message : f))).toEqual([null, 'domain stamp failed', null]);
      const [first, second, third] = rows.map((r) => r.id);
      expect(d.outbox.pendingCount()).toBe(1);
      expect(d.outbox.ready(d.clock.now(), [], 3).map((r) => r.id)).toEqual([second]);
      // The failed one's own writes (its stamp and its audit row) are undone with it, the others' kept.
      const audit = (action: string) => (d.store.db.prepare('SELECT aggregate_id AS id FROM audit WHERE action = ? ORDER BY rowid').all(action) as { id: string }[]).map((r) => r.id);
      expect(audit('test.stamp')).toEqual([String(first), String(third)]);
      expect(audit('outbox.acked')).toEqual(['agg-0', 'agg-2']);
      expect(stamped).toEqual([first, third]);
    } finally {
      await d.close();
    }
  });
});
