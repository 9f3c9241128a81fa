import { randomUUID } from 'node:crypto';
import type { BookResult } from '../shared/contract/appointments-channels';
import { countRows, mondayMorning, startShop } from '../tests/support/appointments-rig';
import { percentile, type Benchmark, type BenchRow } from './harness';

const attempts = 50;
const places = 10;
const kiosks = 5;
const slotStart = '2027-01-11T09:30:00.000Z';

/**
 * The last places under contention: a counter's hub and five kiosks over real TLS-PSK on loopback,
 * 50 bookings sent at once for one slot with 10 places. Timed per attempt from the kiosk's call to
 * its answer; the second row is the proof: what was booked, refused and (never) over-booked.
 */
async function lastPlaces(): Promise<BenchRow[]> {
  const shop = await startShop({ now: () => mondayMorning, kiosks });
  try {
    await shop.desk.call('appointments.setCapacity', { weekday: 'monday', dayPart: 'morning', advisers: places });
    const samples: number[] = [];
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: attempts }, async (_, i) => {
        const t0 = performance.now();
        const answer = await shop.kiosks[i % kiosks]?.call<BookResult>('appointments.book', { topic: 'eerste-gesprek', start: slotStart, language: 'nl', idempotencyKey: randomUUID() });
        samples.push(performance.now() - t0);
        return answer;
      }),
    );
    const wall = performance.now() - started;
    samples.sort((a, b) => a - b);
    const booked = answers.filter((a) => a?.outcome === 'booked').length;
    const refused = answers.filter((a) => a?.outcome === 'taken').length;
    const stored = countRows(shop.desk.dataDir, `SELECT count(*) FROM appointments WHERE start_at = ? AND state <> 'cancelled'`, slotStart);
    return [
      {
        name: `appointments: ${attempts} simultaneous bookings on ${places} places through the hub`,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        opsPerSec: (attempts / wall) * 1000,
        note: `${kiosks} kiosks, TLS-PSK on loopback, one IMMEDIATE transaction per booking`,
      },
      {
        name: 'appointments: outcome of the contention',
        note: `${booked} booked, ${refused} refused ("taken"), ${Math.max(0, stored - places)} over-booked (stored at the hub: ${stored})${booked === places && refused === attempts - places && stored === places ? '' : ' - WRONG'}`,
      },
    ];
  } finally {
    await shop.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'appointments: last places under contention', run: lastPlaces }];
