import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockWithNow } from '../../../electron/core/clock/clock';
import { createComposition } from '../../../electron/core/composition/composition-root';
import { createFileKeyProvider } from '../../../electron/core/crypto/key-provider';
import { createFeedbackModule } from '../../../electron/core/feedback/feedback-module';
import { silentLogger } from '../../../electron/core/log/logger';
import { readDailyStats } from '../../../electron/core/statistics/daily-stats';
import { createStoreModule } from '../../../electron/core/store/store-module';
import { feedbackChannels } from '../../../shared/contract/feedback-channels';
import { publishDailyStats } from '../../../shared/stats/published-stats';
import { tempDir } from '../../support/paths';

const ctx = { transport: 'test', client: 'test' } as const;
let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

function kiosk() {
  const dataDir = tempDir('feedback');
  let now = new Date('2026-11-23T10:00:00.000Z');
  const root = createComposition(silentLogger);
  const store = root.add(createStoreModule({ dataDir, keyProvider: createFileKeyProvider(join(dataDir, 'field-key')), logger: silentLogger }));
  if (!store.device) throw new Error('the device store did not open');
  const device = store.device;
  const module = root.add(createFeedbackModule({ store: device, clock: clockWithNow(() => now) }));
  root.start();
  closers.push(() => root.close());
  return {
    give: (input: { visit: string; rating: 'good' | 'okay' | 'bad'; services: Array<'information' | 'check' | 'request' | 'ticket' | 'scan'> }) => Promise.resolve(module.handlers['feedback.give'](input, ctx)),
    stats: (day = '2026-11-23') => readDailyStats(device.db, day),
    db: device.db,
    moveTo: (iso: string) => {
      now = new Date(iso);
    },
  };
}
const visit = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('feedback at the end of a visit', () => {
  it('counts one answer per service the visit used, and never a second answer for the same visit', async () => {
    const k = kiosk();
    expect(await k.give({ visit: visit(1), rating: 'good', services: ['check', 'request', 'check'] })).toEqual({ counted: true });
    expect(await k.give({ visit: visit(1), rating: 'bad', services: ['check'] })).toEqual({ counted: false });
    expect(await k.give({ visit: visit(2), rating: 'okay', services: [] })).toEqual({ counted: true });
    expect(k.stats().feedback).toEqual([
      { service: 'check', rating: 'good', count: 1 },
      { service: 'information', rating: 'okay', count: 1 },
      { service: 'request', rating: 'good', count: 1 },
    ]);
    // Nothing of the visit id is stored.
    const rows = JSON.stringify(k.db.prepare('SELECT * FROM feedback_counts').all());
    expect(rows).not.toContain(visit(1).slice(-6));
  });

  it('shows the week at the desk, with small counts merged per service', async () => {
    const k = kiosk();
    for (let n = 0; n < 6; n++) await k.give({ visit: visit(10 + n), rating: 'good', services: ['ticket'] });
    k.moveTo('2026-11-25T10:00:00.000Z');
    for (let n = 0; n < 5; n++) await k.give({ visit: visit(20 + n), rating: 'okay', services: ['ticket'] });
    await k.give({ visit: visit(30), rating: 'bad', services: ['ticket'] });
    const published = publishDailyStats(k.stats('2026-11-25'));
    expect(published.feedbackByService).toEqual([{ key: 'ticket-merged', count: 6 }]);
    // The week: 6 good, 5 okay, 1 bad; the 1 bad is small and 12 - 6 - 5 would give it back.
    expect(published.feedbackWeekByService).toEqual([{ key: 'ticket-good', count: 6 }, { key: 'ticket-merged', count: 6 }]);
    expect(publishDailyStats(k.stats('2026-12-02')).feedbackWeekByService).toEqual([]);
  });

  it('refuses an answer outside the pictograms and a visit id that is not random', () => {
    const input = feedbackChannels['feedback.give'].input;
    expect(input.safeParse({ visit: visit(1), rating: 'great', services: [] }).success).toBe(false);
    expect(input.safeParse({ visit: 'anna@example.nl', rating: 'good', services: [] }).success).toBe(false);
    expect(input.safeParse({ visit: visit(1), rating: 'good', services: ['voucher'] }).success).toBe(false);
  });
});
