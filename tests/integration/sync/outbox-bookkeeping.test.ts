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
      d.outbox.markAcked(first.id, { status: 'accepted' }, d.clock.now());
      expect(synchronous()).toBe(2);
      d.outbox.markRetry(second.id, d.clock.now(), 'test', d.clock.now());
      expect(synchronous()).toBe(2);
      // A failure inside the relaxed transaction still puts FULL back and leaves the row pending.
      expect(() => d.outbox.markAcked(second.id, { status: 'accepted' }, d.clock.now(), () => { throw new Error('domain stamp failed'); })).toThrow('domain stamp failed');
      expect(synchronous()).toBe(2);
      expect(d.outbox.pendingCount()).toBe(1);
    } finally {
      await d.close();
    }
  });
});
