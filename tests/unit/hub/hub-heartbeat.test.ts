import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock/clock';
import { createHubHeartbeat } from '../../../electron/core/hub/hub-heartbeat';
import { silentLogger } from '../../../electron/core/log/logger';
import type { KioskStatusReport } from '../../../shared/hub/kiosk-status';
import type { PrinterState } from '../../../shared/printing/printer-status';
import { until } from '../../support/until';

/**
 * The hub end is held open by the test (a real hub answers too fast to catch a send in
 * flight), so the order of "printer changed" and "report built" can be chosen exactly.
 */
function rig() {
  let printer: PrinterState = 'ready';
  const sent: PrinterState[] = [];
  const waiting: Array<() => void> = [];
  const heartbeat = createHubHeartbeat({
    client: {
      reportStatus: (report) =>
        new Promise((resolve) => {
          sent.push(report.printer.state);
          waiting.push(() => resolve({ sent: true, pace: null }));
        }),
    },
    build: async (): Promise<KioskStatusReport> => ({
      appVersion: '1.4.0',
      printer: { kind: 'tcp', state: printer, paperLow: false, reportsPaper: true, checkedAt: '2026-11-24T09:00:00.000Z', pendingJobs: 0, failedJobs: 0 },
      queue: { pending: 0, needsAttention: 0, oldestPendingAt: null, oldestPendingAgeSeconds: null },
    }),
    logger: silentLogger,
    clock: systemClock,
    firstAfterMs: 3_600_000,
    everyMs: 3_600_000,
  });
  const answer = () => waiting.shift()?.();
  return { heartbeat, sent, answer, set: (state: PrinterState) => (printer = state) };
}

describe('the kiosk heartbeat to its hub', () => {
  it('sends once more when the printer changed while a report built before the change was on its way', async () => {
    const { heartbeat, sent, answer, set } = rig();
    const first = heartbeat.sendNow();
    await until(() => sent.length === 1, 1000, 'the first report on its way');
    set('paper-out');
    heartbeat.changed();
    answer();
    expect(await first).toBe(true);
    await until(() => sent.length === 2, 1000, 'a report after the change');
    answer();
    expect(sent).toEqual(['ready', 'paper-out']);
    heartbeat.stop();
  });

  it('lets a timer tick or a second call join a report under way instead of stacking another', async () => {
    const { heartbeat, sent, answer } = rig();
    const first = heartbeat.sendNow();
    const second = heartbeat.sendNow();
    await until(() => sent.length > 0, 1000, 'the report on its way');
    answer();
    expect([await first, await second]).toEqual([true, true]);
    expect(sent).toEqual(['ready']);
    heartbeat.stop();
  });
});
