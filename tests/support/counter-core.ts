import type { RunningSim } from '../../electron/central-sim/sim-server';
import { createCore, type Core } from '../../electron/core/app-core';
import { silentLogger } from '../../electron/core/log/logger';
import { DeviceConfigSchema, type DeviceConfigInput } from '../../shared/config/device-config';
import { resourcesDir, tempDir } from './paths';
import { fastSync } from './sync-rig';

export interface CounterCore {
  core: Core;
  dataDir: string;
  dispatch: Core['dispatch'];
  /** A desk step that must succeed: any refusal fails the test with the core's code and message. */
  call(channel: string, input: unknown): Promise<Record<string, unknown>>;
}

/**
 * The real core of a counter device in Zwolle, syncing to the simulator when one is given; with
 * the sample content pack installed (its eligibility rules and providers, as a demo device has it; a request needs
 * them); `sampleContent: false` leaves the device without a pack.
 */
export function startCounterCore(options: { sim?: RunningSim; dataDir?: string; now?: () => Date; sampleContent?: boolean; config?: Partial<DeviceConfigInput> } = {}): CounterCore {
  const { sim } = options;
  const dataDir = options.dataDir ?? tempDir('desk');
  const core = createCore({
    config: DeviceConfigSchema.parse({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle', centralApiUrl: sim?.url, demo: options.sampleContent ?? true, ...options.config }),
    appVersion: '9.9.9',
    resourcesDir,
    dataDir,
    shell: 'browser',
    logger: silentLogger,
    enrollmentCode: async () => sim?.issueEnrollmentCode() ?? null,
    syncTuning: fastSync,
    ...(options.now ? { now: options.now } : {}),
  });
  const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> => {
    const r = await core.dispatch(channel, input, { transport: 'test', client: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.result as Record<string, unknown>;
  };
  return { core, dataDir, dispatch: core.dispatch, call };
}
