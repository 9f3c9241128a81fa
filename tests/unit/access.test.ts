import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { createDispatch } from '../../electron/core/bridge/dispatch';
import { DeviceConfigSchema } from '../../shared/config/device-config';
import { openAccess, refusalFor, staffNeeded, staffOnly } from '../../shared/contract/access';
import { channelNames, channels } from '../../shared/contract/channels';
import { createLogger } from '../../electron/core/log/logger';
import { resourcesDir, tempDir } from '../support/paths';

function makeCore(role: 'kiosk' | 'counter') {
  return createCore({
    config: DeviceConfigSchema.parse({ role, location: { id: 'zwolle-centrum', name: 'Zwolle' }, region: 'regio-zwolle' }),
    appVersion: '9.9.9',
    resourcesDir,
    dataDir: tempDir('access'),
    shell: 'browser',
    logger: createLogger(() => undefined),
  });
}

const t = { transport: 'test', client: 'test' } as const;

describe('channel access rules', () => {
  it('compares device role first, then sign-in, then the staff role rank', () => {
    const rule = staffOnly('location-manager');
    expect(refusalFor('x.y', rule, { deviceRole: 'kiosk', staffRole: 'it' })?.code).toBe('forbidden');
    expect(refusalFor('x.y', rule, { deviceRole: 'counter', staffRole: null })?.code).toBe('unauthorized');
    expect(refusalFor('x.y', rule, { deviceRole: 'counter', staffRole: 'staff' })?.code).toBe('forbidden');
    expect(refusalFor('x.y', rule, { deviceRole: 'counter', staffRole: 'location-manager' })).toBeNull();
    expect(refusalFor('x.y', rule, { deviceRole: 'counter', staffRole: 'it' })).toBeNull();
  });

  it('keeps channels without a rule open on the kiosk, and on the counter for a signed-in person only', () => {
    expect(channels['voucher.start'].access).toBeUndefined();
    expect(refusalFor('voucher.start', openAccess, { deviceRole: 'kiosk', staffRole: null })).toBeNull();
    expect(refusalFor('voucher.start', openAccess, { deviceRole: 'counter', staffRole: null })?.code).toBe('unauthorized');
    expect(refusalFor('voucher.start', openAccess, { deviceRole: 'counter', staffRole: 'staff' })).toBeNull();
  });

  it('lists in the contract, with a reason, the few channels the counter answers before anyone signs in', () => {
    const withoutSignIn = channelNames.filter((n) => staffNeeded(channels[n].access ?? openAccess, 'counter') === null && (channels[n].access ?? openAccess).devices.includes('counter'));
    expect(withoutSignIn.sort()).toEqual(['app.info', 'app.reportError', 'queue.status', 'staff.session', 'staff.setup', 'staff.signIn']);
    for (const name of withoutSignIn) expect(channels[name].access?.withoutSignIn).toMatch(/\w{3,} \w{3,}/);
  });
});

describe('the core enforces access before any handler runs', () => {
  it('refuses a staff channel on a kiosk even with a valid payload, and never calls the handler', async () => {
    const core = makeCore('kiosk');
    let called = false;
    const dispatch = createDispatch(
      { ...core.handlers, 'staff.members': () => ((called = true), []) },
      createLogger(() => undefined),
      { deviceRole: 'kiosk', staffRole: () => 'it' },
    );
    expect(await dispatch('staff.members', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('staff.session', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('staff.signIn', { username: 'anna', pin: '482915' }, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The waiting-room screen needs no sign-in, but it is the counter's screen: a kiosk has no queue.
    expect(await core.dispatch('queue.status', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(called).toBe(false);
    expect(await core.dispatch('app.info', {}, t)).toMatchObject({ ok: true });
    await core.close();
  });

  it('refuses staff work on the counter until someone signs in, and checks the role after', async () => {
    const core = makeCore('counter');
    expect(await core.dispatch('staff.members', {}, t)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await core.dispatch('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' }, t)).toMatchObject({ ok: true });
    expect(await core.dispatch('staff.add', { username: 'bob', displayName: 'Bob', pin: '739164', role: 'staff' }, t)).toMatchObject({ ok: true });
    expect(await core.dispatch('staff.signOut', {}, t)).toMatchObject({ ok: true });
    expect(await core.dispatch('staff.members', {}, t)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await core.dispatch('staff.signIn', { username: 'bob', pin: '739164' }, t)).toMatchObject({ ok: true, result: { ok: true } });
    expect(await core.dispatch('staff.members', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('staff.touch', {}, t)).toMatchObject({ ok: true });
    await core.close();
  });

  it('serves no counter channel that acts for a person while nobody is signed in there', async () => {
    const core = makeCore('counter');
    const job = { jobId: '01900000-0000-7000-8000-000000000000' };
    for (const [channel, input] of [['voucher.start', {}], ['ticket.take', { topic: 'voucher' }], ['print.recent', {}], ['print.preview', job], ['print.reprint', job], ['print.job', job], ['sync.status', {}], ['content.search', { query: 'x' }]] as const) {
      expect(await core.dispatch(channel, input, t), channel).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    await core.close();
  });

  it('lists no receipt of any visitor on a kiosk', async () => {
    const core = makeCore('kiosk');
    expect(await core.dispatch('print.recent', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('print.reprint', { jobId: '01900000-0000-7000-8000-000000000000' }, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await core.close();
  });

  it('fails closed when a core is wired without an access gate', async () => {
    const core = makeCore('counter');
    const dispatch = createDispatch(core.handlers, createLogger(() => undefined));
    expect(await dispatch('staff.session', {}, t)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('app.info', {}, t)).toMatchObject({ ok: true });
    await core.close();
  });

  it('checks access before input, so a refused caller learns nothing about the schema', async () => {
    const core = makeCore('kiosk');
    const result = await core.dispatch('staff.add', { nonsense: true }, t);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'staff.add is not available on a kiosk device.' } });
    await core.close();
  });
});
