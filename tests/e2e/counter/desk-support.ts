import { expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openClient, type HostClient } from '../../support/host-client';
import { repoRoot, tempDir } from '../../support/paths';
import { spawnHost, type SpawnedHost } from '../../support/spawn-host';

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core in the page on the WCAG 2.x A/AA rules and fails with the rule ids it found. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}

export interface CounterOptions {
  deskAutoLockSeconds?: number;
  dataDir?: string;
  extra?: Record<string, unknown>;
}

export function counterConfig(options: CounterOptions = {}): string {
  const file = join(tempDir('counter-config'), 'device.json');
  writeFileSync(
    file,
    JSON.stringify({
      role: 'counter',
      location: { id: 'zwolle-centrum', name: 'Loopbaanwinkel Zwolle' },
      region: 'regio-zwolle',
      deskAutoLockSeconds: options.deskAutoLockSeconds ?? 300,
      ...options.extra,
    }),
  );
  return file;
}

export function startCounter(options: CounterOptions = {}): Promise<SpawnedHost> {
  return spawnHost(['--config', counterConfig(options), ...(options.dataDir ? ['--data-dir', options.dataDir] : [])]);
}

export const manager = { name: 'Anna de Vries', username: 'anna', pin: '482915' };

/** First-run setup with the keyboard only: type, Tab, Enter. */
export async function setUpDesk(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze balie inrichten');
  await page.keyboard.type(manager.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(manager.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(manager.pin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(manager.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${manager.name} (locatiemanager)`)).toBeVisible();
}

const clients = new WeakMap<SpawnedHost, Promise<HostClient>>();

/**
 * The test's own client of a host (one per host): a browser of its own, not the page's. It takes
 * the host's first address unless a page has opened that already, then the next one printed.
 */
export function hostClient(host: SpawnedHost): Promise<HostClient> {
  // An address nobody has opened yet, so a page of the same test can still open the one after it;
  // the next printed one when the page already used the first.
  const known = clients.get(host) ?? host.fresh().then(openClient).catch(() => host.client());
  clients.set(host, known);
  return known;
}

function resultOf(channel: string, status: number, body: { result?: unknown; error?: unknown }): Record<string, unknown> {
  if (status !== 200 || !body.result) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`);
  return body.result as Record<string, unknown>;
}

/** A call over the host's HTTP contract, as a kiosk screen would make it, from the test's own client. */
export async function callHost(host: SpawnedHost, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const { status, ...body } = await (await hostClient(host)).call(channel, input);
  return resultOf(channel, status, body);
}

/** A call made by the page itself: with its session cookie, so as whoever is signed in there. */
export async function callInPage(page: Page, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const { status, body } = await page.evaluate(async ([c, i]) => {
    const r = await fetch(`/api/${c as string}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
    return { status: r.status, body: (await r.json()) as { result?: unknown; error?: unknown } };
  }, [channel, input] as const);
  return resultOf(channel, status, body);
}
