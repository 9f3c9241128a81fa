import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { lockoutMs } from '../../../electron/core/staff/lockout';
import { createStaffService } from '../../../electron/core/staff/staff-service';
import { Pin } from '../../../shared/staff/pin';
import { openStaffDb } from '../../support/staff-db';

/** The client (a browser session or a window) the desk is used from. */
const desk = 'desk-window';

function setup(autoLockSeconds = 300) {
  const db = openStaffDb();
  let clock = Date.parse('2026-11-24T09:00:00Z');
  const now = () => clock;
  const staff = createStaffService({ db, autoLockSeconds, now });
  const audit = () => db.prepare<[], { action: string; aggregate_id: string; detail: string | null; at: string }>('SELECT * FROM audit ORDER BY id').all();
  return { db, staff, audit, advance: (ms: number) => (clock += ms) };
}

describe('staff accounts and the desk session', () => {
  it('first-run setup creates the location manager, signs them in, and only works once', async () => {
    const { staff } = setup();
    expect(staff.session(desk)).toMatchObject({ setupNeeded: true, signedIn: null });
    const session = await staff.setup({ username: 'anna', displayName: 'Anna de Vries', pin: '482915' }, desk);
    expect(session).toMatchObject({ setupNeeded: false, signedIn: { username: 'anna', role: 'location-manager' } });
    await expect(staff.setup({ username: 'bob', displayName: 'Bob', pin: '482915' }, desk)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('stores the PIN only as a salted scrypt hash: two people with the same PIN get different hashes', async () => {
    const { staff, db } = setup();
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    await staff.add({ username: 'bob', displayName: 'Bob', pin: '482915', role: 'staff' }, desk);
    const hashes = db.prepare<[], { pin_hash: string }>('SELECT pin_hash FROM staff').all().map((r) => r.pin_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const hash of hashes) expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(readFileSync(db.name).includes(Buffer.from('482915'))).toBe(false);
  });

  it('locks a user after 5 wrong PINs, refuses even the right PIN while locked, and locks longer each time', async () => {
    const { staff, audit, advance } = setup();
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    staff.signOut(desk);
    for (let i = 1; i <= 4; i++) expect(await staff.signIn({ username: 'anna', pin: '000001' }, desk)).toEqual({ ok: false, reason: 'wrong', lockedUntil: null });
    const fifth = await staff.signIn({ username: 'anna', pin: '000001' }, desk);
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    expect(await staff.signIn({ username: 'anna', pin: '482915' }, desk)).toMatchObject({ ok: false, reason: 'locked' });

    advance(lockoutMs(5) + 1);
    const sixth = await staff.signIn({ username: 'anna', pin: '000001' }, desk);
    expect(sixth).toMatchObject({ ok: false, reason: 'locked' });
    if (sixth.ok || !sixth.lockedUntil) throw new Error('expected a lock');
    expect(Date.parse(sixth.lockedUntil) - Date.parse('2026-11-24T09:00:00Z') - lockoutMs(5) - 1).toBe(lockoutMs(6));
    expect(lockoutMs(6)).toBe(2 * lockoutMs(5));

    advance(lockoutMs(6) + 1);
    expect(await staff.signIn({ username: 'anna', pin: '482915' }, desk)).toMatchObject({ ok: true, session: { signedIn: { username: 'anna' } } });
    const actions = audit().map((a) => a.action);
    expect(actions.filter((a) => a === 'staff.sign-in-failed')).toHaveLength(6);
    expect(actions.filter((a) => a === 'staff.locked-out')).toHaveLength(2);
    expect(actions).toContain('staff.sign-in-refused-locked');
    expect(actions.at(-1)).toBe('staff.sign-in');
    expect(JSON.stringify(audit())).not.toContain('482915');
    expect(JSON.stringify(audit())).not.toContain('000001');
  });

  it('answers an unknown user name exactly like a wrong PIN', async () => {
    const { staff } = setup();
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    expect(await staff.signIn({ username: 'nobody', pin: '482915' }, desk)).toEqual({ ok: false, reason: 'wrong', lockedUntil: null });
  });

  it('locks the desk after the idle time and greets the same person on the lock screen', async () => {
    const { staff, audit, advance } = setup(60);
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    advance(59_000);
    staff.touch(desk);
    // Polling screens ask for the role all the time; asking does not keep the desk open.
    for (let i = 0; i < 59; i++) {
      advance(1_000);
      expect(staff.currentRole(desk)).toBe('location-manager');
    }
    advance(1_000);
    expect(staff.currentRole(desk)).toBeNull();
    expect(staff.session(desk)).toMatchObject({ signedIn: null, lockedFor: { username: 'anna', displayName: 'Anna' } });
    const lock = audit().find((a) => a.action === 'staff.auto-locked');
    expect(lock?.at).toBe(new Date(Date.parse('2026-11-24T09:00:00Z') + 59_000 + 60_000).toISOString());
  });

  it('lets a location manager add and remove staff and reset a PIN, but never above their own role', async () => {
    const { staff } = setup();
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    const bob = await staff.add({ username: 'bob', displayName: 'Bob', pin: '739164', role: 'staff' }, desk);
    await expect(staff.add({ username: 'ivo', displayName: 'Ivo', pin: '739164', role: 'it' }, desk)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(staff.add({ username: 'bob', displayName: 'Bob 2', pin: '739164', role: 'staff' }, desk)).rejects.toBeInstanceOf(CoreError);
    for (let i = 0; i < 5; i++) await staff.signIn({ username: 'bob', pin: '111111' }, desk);
    expect(staff.members().find((m) => m.id === bob.id)?.locked).toBe(true);
    // The failed tries above were not Anna's: her session is still the desk's.
    expect(staff.current(desk).username).toBe('anna');
    expect((await staff.resetPin(bob.id, '295817', desk)).locked).toBe(false);
    expect(() => staff.remove(staff.current(desk).id, desk)).toThrow(/your own account/);
    expect(staff.remove(bob.id, desk)).toEqual({ removed: true });
    expect(staff.members().map((m) => m.username)).toEqual(['anna']);
  });
});

describe('sessions per client', () => {
  it('signs in only the client that signed in; another window or browser stays signed out, and a removed account works nowhere', async () => {
    const { staff } = setup();
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    expect(staff.currentRole(desk)).toBe('location-manager');
    expect(staff.currentRole('other-window')).toBeNull();
    expect(staff.session('other-window')).toMatchObject({ setupNeeded: false, signedIn: null, lockedFor: null });
    await expect(staff.add({ username: 'bob', displayName: 'Bob', pin: '739164', role: 'staff' }, 'other-window')).rejects.toMatchObject({ code: 'forbidden' });
    const bob = await staff.add({ username: 'bob', displayName: 'Bob', pin: '739164', role: 'staff' }, desk);
    expect(await staff.signIn({ username: 'bob', pin: '739164' }, 'second-desk')).toMatchObject({ ok: true });
    expect(staff.current('second-desk').username).toBe('bob');
    expect(staff.current(desk).username).toBe('anna');
    staff.lock(desk);
    expect(staff.currentRole('second-desk')).toBe('staff');
    await staff.signIn({ username: 'anna', pin: '482915' }, desk);
    staff.remove(bob.id, desk);
    expect(staff.currentRole('second-desk')).toBeNull();
  });

  it('checks a new PIN again in the core, whatever the screen let through', async () => {
    const { staff, db } = setup();
    await expect(staff.setup({ username: 'anna', displayName: 'Anna', pin: '121212' }, desk)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('repeats a short group') });
    await staff.setup({ username: 'anna', displayName: 'Anna', pin: '482915' }, desk);
    await expect(staff.add({ username: 'bob', displayName: 'Bob', pin: '654321', role: 'staff' }, desk)).rejects.toMatchObject({ code: 'invalid_input' });
    const anna = staff.current(desk);
    await expect(staff.resetPin(anna.id, '111111', desk)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 1 });
  });
});

describe('PIN rules', () => {
  it.each(['482915', '0192837465', '739164'])('accepts %s', (pin) => expect(Pin.safeParse(pin).success).toBe(true));
  it.each(['12345', '123456', '987654', '000000', '777777', '890123', '48291a', '1234567890123', '121212', '123123', '654321', '135790', '246802', '112211', '12341234', '147258'])('refuses %s', (pin) =>
    expect(Pin.safeParse(pin).success).toBe(false),
  );
});
