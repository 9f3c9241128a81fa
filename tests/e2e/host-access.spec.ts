import { chromium, expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs } from '../../electron/host/open-browser';
import { chromiumExecutable } from '../../playwright.config';
import { openClient } from '../support/host-client';
import { tempDir } from '../support/paths';
import { spawnHost, type SpawnedHost } from '../support/spawn-host';
import { until } from '../support/until';
import { manager, setUpDesk } from './counter/desk-support';

const running: SpawnedHost[] = [];
const others: ChildProcess[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
  for (const child of others.splice(0)) child.kill('SIGKILL');
});

/** What any local process can read of a running program: its command line. */
function commandLinesOf(name: RegExp): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (name.test(line)) lines.push(line);
    } catch {
      // the process ended while we looked
    }
  }
  return lines;
}

function counterConfig(): string {
  const file = join(tempDir('access-e2e'), 'device.json');
  writeFileSync(file, JSON.stringify({ role: 'counter', location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' }, region: 'regio-zwolle' }));
  return file;
}

test('npm start --open: Chromium\'s command line holds no secret worth reading once it has opened the app', async () => {
  // A real X server for the Chromium the host starts itself, exactly as on a counter PC.
  const display = `:${90 + (process.pid % 9)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  others.push(xvfb);
  const dataDir = tempDir('access-open');
  const host = await spawnHost(['--config', counterConfig(), '--data-dir', dataDir, '--open'], { DISPLAY: display });
  running.push(host);
  const profile = join(dataDir, 'chromium-profile');
  await until(() => commandLinesOf(/--app=/).some((l) => l.includes(profile)), 20_000, 'Chromium started by the host');
  const [line = ''] = commandLinesOf(/--app=/).filter((l) => l.includes(profile));
  expect(line).not.toContain('token');
  const address = /--app=(\S+)/.exec(line)?.[1] ?? '';
  expect(address).toMatch(new RegExp(`^${host.origin}/open/[A-Za-z0-9_-]{43}$`));
  // Chromium opened it (the host says so and prints the next address); from then on it is spent.
  await until(() => host.stdout().includes('An address has been used'), 20_000, 'Chromium opening its address');
  expect((await fetch(address, { redirect: 'manual' })).status).toBe(401);
  // Nor is it one of the addresses the host printed for people.
  expect(host.stdout()).not.toContain(address);
});

test('the product\'s Chromium arguments open a working app, with nothing reusable on the command line', async () => {
  const host = await spawnHost();
  running.push(host);
  const url = host.url;
  const profile = tempDir('access-profile');
  // Playwright brings its own profile and pipe; the rest, --app with the one-time address
  // included, is the list the host starts Chromium with.
  const args = chromiumArgs(url, 'kiosk', profile).filter((a) => !a.startsWith('--user-data-dir=') && a !== '--incognito' && a !== '--kiosk');
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumExecutable, args: [...args, '--disable-gpu'] });
  try {
    await until(() => context.pages().some((p) => p.url().startsWith(host.origin)), 20_000, 'the app window');
    const page = context.pages().find((p) => p.url().startsWith(host.origin)) ?? context.pages()[0];
    if (!page) throw new Error('no app window');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij de Loopbaanwinkel');
    await expect(page.getByText('Loopbaanwinkel Utrecht Centrum', { exact: true })).toBeVisible();
    expect(page.url()).toBe(`${host.origin}/`);
    // The session cookie is HttpOnly: no script in the page can read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Strict' })]);
    const chromiumLines = commandLinesOf(new RegExp(profile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(chromiumLines.length).toBeGreaterThan(0);
    for (const line of chromiumLines) {
      expect(line).not.toContain(cookies[0]?.value ?? '-');
      expect(line).not.toContain('token');
    }
    // The one address on it is spent: reading it off the process list gets nobody in.
    expect(chromiumLines.join(' ')).toContain(url);
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
    // A reload keeps working: the cookie, not the spent address, carries the session.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom bij de Loopbaanwinkel');
  } finally {
    await context.close();
  }
});

test('a second browser, or a client with an old-style bearer token, is not the manager signed in at the desk', async ({ page, browser }) => {
  const host = await spawnHost(['--config', counterConfig()]);
  running.push(host);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await setUpDesk(page);

  // Another browser on the same PC, opened through the next printed address: the sign-in screen.
  const second = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await second.goto(await host.nextUrl());
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Aanmelden aan de balie');
  const refused = await second.evaluate(async () => {
    const r = await fetch('/api/staff.add', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'mallory', displayName: 'Mallory', pin: '583920', role: 'location-manager' }) });
    return { status: r.status, body: (await r.json()) as { error?: { code: string } } };
  });
  expect(refused).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });

  // A local process with only a bearer token (what the old host printed) gets nowhere.
  const bearer = await fetch(`${host.origin}/api/staff.members`, { method: 'POST', headers: { Authorization: 'Bearer anything', 'Content-Type': 'application/json' }, body: '{}' });
  expect(bearer.status).toBe(401);
  // And its own fresh session is not signed in either.
  const tool = await openClient(await host.nextUrl());
  expect(await tool.call('staff.members', {})).toMatchObject({ status: 401, error: { code: 'unauthorized' } });

  // The desk itself still works, and lists only its manager.
  const members = await page.evaluate(async () => {
    const r = await fetch('/api/staff.members', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { result: Array<{ username: string }> }).result.map((m) => m.username);
  });
  expect(members).toEqual([manager.username]);
  await second.close();
});
