import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientWithCookie, openClient, type HostClient } from '../support/host-client';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { voucherInput } from '../support/voucher-input';

/**
 * Who may do what at a counter, attacked as a local process would: over real HTTP to the built
 * browser host, with copied cookies, bearer tokens and many calls at once.
 */
const running: SpawnedHost[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
});

async function counter(): Promise<SpawnedHost> {
  const config = join(tempDir('access-config'), 'device.json');
  writeFileSync(config, JSON.stringify({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle', demo: true }));
  const host = await spawnHost(['--config', config]);
  running.push(host);
  return host;
}

const anna = { username: 'anna', displayName: 'Anna de Vries', pin: '482915' };
const codeOf = (answer: { error?: { code: string } }) => answer.error?.code;

describe('a signed-in desk belongs to the client that signed in', () => {
  it('another client (a second cookie, a bearer token, a copied address) cannot act as the manager signed in elsewhere', async () => {
    const host = await counter();
    const desk = await openClient(host.url);
    expect((await desk.call('staff.setup', anna)).status).toBe(200);
    const started = await desk.call('voucher.start', voucherInput(7));
    expect(started.status).toBe(200);
    const { reference } = started.result as { reference: string };
    expect(JSON.stringify((await desk.call('privacy.export', { reference })).result)).toContain('bezoeker7@voorbeeld.nl');

    // A second client of the same host: a session of its own, nobody signed in there.
    const other = await host.client();
    expect((await other.call('staff.session', {})).result).toMatchObject({ setupNeeded: false, signedIn: null });
    const export2 = await other.call('privacy.export', { reference });
    expect(export2.status).toBe(401);
    expect(JSON.stringify(export2)).not.toContain('bezoeker7');
    expect(codeOf(await other.call('staff.add', { username: 'mallory', displayName: 'Mallory', pin: '583920', role: 'location-manager' }))).toBe('unauthorized');
    expect(codeOf(await other.call('staff.members', {}))).toBe('unauthorized');

    // The old way in, a bearer token, is no way in; nor is the address the desk was opened with.
    const bearer = await fetch(`${host.origin}/api/privacy.export`, { method: 'POST', headers: { Authorization: `Bearer ${desk.cookie.split('=')[1] ?? ''}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ reference }) });
    expect(bearer.status).toBe(401);
    expect((await fetch(host.url, { redirect: 'manual' })).status).toBe(401);
    expect((await clientWithCookie(host.origin, 'loopbaan-session-1=x').call('app.info', {})).status).toBe(401);

    // Signing out at the desk ends that client's session only; the mallory account never came to be.
    expect((await desk.call('staff.members', {})).result).toEqual([expect.objectContaining({ username: 'anna' })]);
    expect((await desk.call('staff.signOut', {})).status).toBe(200);
    expect(codeOf(await desk.call('privacy.export', { reference }))).toBe('unauthorized');
  });
});

describe('sign-in and setup under many calls at once', () => {
  it('counts 200 parallel PIN tries one by one: the lockout holds, and the right PIN as try 151 does not get in', async () => {
    const host = await counter();
    const desk = await host.client();
    expect((await desk.call('staff.setup', anna)).status).toBe(200);
    await desk.call('staff.signOut', {});
    const attacker = await host.client();
    const tries = Array.from({ length: 200 }, (_, i) => (i === 150 ? anna.pin : String(100_000 + i * 7)));
    const answers = await Promise.all(tries.map((pin) => attacker.call('staff.signIn', { username: 'anna', pin })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const results = answers.map((a) => a.result as { ok: boolean; reason?: string });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    expect(results.filter((r) => r.reason === 'wrong')).toHaveLength(4);
    expect(results.filter((r) => r.reason === 'locked')).toHaveLength(196);
    expect((await attacker.call('staff.session', {})).result).toMatchObject({ signedIn: null });
    // Locked for Anna too, until the lock runs out or a manager resets her PIN.
    expect((await desk.call('staff.signIn', { username: 'anna', pin: anna.pin })).result).toMatchObject({ ok: false, reason: 'locked' });
  }, 120_000);

  it('lets first-run setup succeed exactly once when five clients try at the same time', async () => {
    const host = await counter();
    const clients: HostClient[] = [];
    for (let i = 0; i < 5; i++) clients.push(await host.client());
    const answers = await Promise.all(clients.map((c, i) => c.call('staff.setup', { username: `manager${i}`, displayName: `Manager ${i}`, pin: '482915' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => codeOf(a) === 'conflict')).toHaveLength(4);
    const winner = clients[answers.findIndex((a) => a.status === 200)];
    const members = (await winner?.call('staff.members', {}))?.result as Array<{ role: string }>;
    expect(members.filter((m) => m.role === 'location-manager')).toHaveLength(1);
  }, 60_000);
});

describe('the PIN policy over the wire', () => {
  it('refuses repeated and sequential PINs at setup, when a manager adds an account and at a PIN reset, saying why', async () => {
    const weak: Array<[string, string]> = [
      ['121212', 'repeats a short group'],
      ['123456', 'equal steps'],
      ['654321', 'equal steps'],
      ['111111', 'one digit repeated'],
      ['135790', 'most-used PINs'],
      ['112211', 'three different digits'],
    ];
    const host = await counter();
    const desk = await host.client();
    for (const [pin, why] of weak) {
      const setup = await desk.call('staff.setup', { ...anna, pin });
      expect(setup.status, pin).toBe(400);
      expect(JSON.stringify(setup.error), pin).toContain(why);
    }
    expect((await desk.call('staff.setup', anna)).status).toBe(200);
    const bob = (await desk.call('staff.add', { username: 'bob', displayName: 'Bob', pin: '739164', role: 'staff' })).result as { id: string };
    for (const [pin, why] of weak) {
      const added = await desk.call('staff.add', { username: 'carla', displayName: 'Carla', pin, role: 'staff' });
      expect(added.status, pin).toBe(400);
      expect(JSON.stringify(added.error), pin).toContain(why);
      const reset = await desk.call('staff.resetPin', { id: bob.id, pin });
      expect(reset.status, pin).toBe(400);
      expect(JSON.stringify(reset.error), pin).toContain(why);
    }
  }, 60_000);
});
