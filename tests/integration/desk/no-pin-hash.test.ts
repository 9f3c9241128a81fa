import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../electron/core/staff/pin-hash';
import { channelNames } from '../../../shared/contract/channels';
import { startCounterCore } from '../../support/counter-core';

describe('no answer carries a PIN hash', () => {
  it('scans the answer of every channel, called by IT signed in at the counter, for IT\'s and the manager\'s hashes', async () => {
    const itHash = await hashPin('739164');
    const { core, dispatch, call } = startCounterCore({ config: { itStaff: [{ username: 'ivo', displayName: 'Ivo (IT)', pinHash: itHash }] } });
    try {
      await call('staff.setup', { username: 'anna', displayName: 'Anna', pin: '482915' });
      await call('staff.signOut', {});
      const it = { transport: 'test', client: 'it-laptop' } as const;
      expect(await dispatch('staff.signIn', { username: 'ivo', pin: '739164' }, it)).toMatchObject({ ok: true, result: { ok: true } });
      const answers: string[] = [];
      // The empty input is what every channel without parameters takes (diagnostics, members, session, ...);
      // the others answer their validation error, which is scanned as well.
      // Signing out or locking would end IT's session half-way: those two go last.
      const last = ['staff.signOut', 'staff.lock'];
      for (const name of [...channelNames.filter((n) => !last.includes(n)), ...last]) answers.push(JSON.stringify(await dispatch(name, {}, it)));
      const all = answers.join('\n');
      expect(all).toContain('"locationKeyFingerprint"');
      expect(all).toContain('"username":"ivo"');
      expect(all).not.toContain(itHash);
      expect(all).not.toContain(itHash.split('$').at(-1));
      expect(all).not.toMatch(/scrypt\$/);
      expect(all).not.toMatch(/pin_?hash/i);
    } finally {
      await core.close();
    }
  });
});
