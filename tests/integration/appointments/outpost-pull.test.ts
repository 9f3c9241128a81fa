import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgenda } from '../../../electron/core/appointments/agenda';
import { createCentralPull } from '../../../electron/core/appointments/central-pull';
import { createFieldCipher } from '../../../electron/core/crypto/field-cipher';
import { createLogger } from '../../../electron/core/log/logger';
import { openStore, type Store } from '../../../electron/core/store/open-store';
import type { CentralAppointment } from '../../../shared/central-api/appointments';
import { ContentPackSchema } from '../../../shared/content/pack-schema';
import { mondayMorning } from '../../support/appointments-rig';
import { resourcesDir, tempDir } from '../../support/paths';

const pack = ContentPackSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'content', 'sample', 'pack.json'), 'utf8')));

const booking = (seq: number, code: string, time: string, state: 'booked' | 'cancelled' = 'booked'): CentralAppointment => ({
  seq,
  code,
  topic: 'eerste-gesprek',
  start: new Date(`2027-01-11T${time}:00+01:00`).toISOString(),
  end: new Date(new Date(`2027-01-11T${time}:00+01:00`).getTime() + 30 * 60_000).toISOString(),
  state,
  language: 'nl',
  firstName: null,
});

type Page = { appointments: unknown[]; cursor: number; more: boolean; allowanceVersion: number | null } | 'cut-off';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * A stand-in for the central API on loopback that answers the pull with pages the test writes,
 * keyed by the cursor asked for: so a garbage row, a cut-off answer and a repeat can be staged.
 */
async function stagedCentral(pages: Map<number, Page>) {
  const asked: number[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'PUT') {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ version: 1 })));
      return;
    }
    const since = Number(url.searchParams.get('since'));
    asked.push(since);
    const page = pages.get(since) ?? { appointments: [], cursor: since, more: false, allowanceVersion: 1 };
    if (page === 'cut-off') return void req.socket.destroy();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

function hubAgenda() {
  const store: Store = openStore(join(tempDir('pull'), 'device.sqlite'));
  closers.push(() => store.close());
  const agenda = createAgenda({ db: store.db, cipher: createFieldCipher(randomBytes(32)), now: () => mondayMorning, pack: () => pack, outposts: { mode: 'hub', onCancelled: () => undefined } });
  const lines: string[] = [];
  const logger = createLogger((line) => void lines.push(line));
  const puller = (baseUrl: string) => createCentralPull({ agenda, locationId: 'zwolle-centrum', baseUrl, token: () => 'device-token', timeoutMs: 2000, logger });
  const codes = () => agenda.today('zwolle-centrum', '2027-01-11').appointments.map((a) => `${a.code} ${a.state}`);
  return { agenda, lines, puller, codes };
}

describe('the hub pulls the outposts\' bookings of its shop', () => {
  it('leaves out a row it cannot read, with a log line, and takes the others', async () => {
    const central = await stagedCentral(
      new Map<number, Page>([[0, { appointments: [booking(1, 'KDQD-MAXA', '10:00'), { seq: 2, code: 'not a code', topic: 'eerste-gesprek' }, booking(3, 'KDQD-MAXC', '10:30')], cursor: 3, more: false, allowanceVersion: 1 }]]),
    );
    const hub = hubAgenda();
    expect(await hub.puller(central.url).pull()).toMatchObject({ ok: true, added: 2, skipped: 1, confirmed: true });
    expect(hub.codes()).toEqual(['KDQD-MAXA booked', 'KDQD-MAXC booked']);
    expect(hub.lines.filter((l) => l.includes('cannot be read and is left out'))).toHaveLength(1);
    expect(hub.agenda.pullState('zwolle-centrum').cursor).toBe(3);
  });

  it('twice at once, and again later, takes every booking once', async () => {
    const central = await stagedCentral(new Map<number, Page>([[0, { appointments: [booking(1, 'KDQD-MAXA', '10:00'), booking(2, 'KDQD-MAXC', '10:30')], cursor: 2, more: false, allowanceVersion: 1 }]]));
    const hub = hubAgenda();
    const one = hub.puller(central.url);
    const other = hub.puller(central.url);
    const answers = await Promise.all([one.pull(), one.pull(), other.pull()]);
    expect(answers.every((a) => a.ok)).toBe(true);
    // The same puller asked twice at once runs one pull; two pullers on one database still take each row once.
    expect(central.asked.length).toBeLessThanOrEqual(2);
    expect(hub.codes()).toEqual(['KDQD-MAXA booked', 'KDQD-MAXC booked']);
    // Pulled again from the start (a cursor lost), nothing is taken twice.
    hub.agenda.importCentral('zwolle-centrum', { rows: [booking(1, 'KDQD-MAXA', '10:00'), booking(2, 'KDQD-MAXC', '10:30')], cursor: 2, more: false, allowanceVersion: 1 });
    expect(hub.codes()).toEqual(['KDQD-MAXA booked', 'KDQD-MAXC booked']);
  });

  it('cut off after the first page: keeps that page and its cursor, and goes on from there the next time', async () => {
    const pages = new Map<number, Page>([
      [0, { appointments: [booking(1, 'KDQD-MAXA', '10:00')], cursor: 1, more: true, allowanceVersion: 1 }],
      [1, 'cut-off'],
    ]);
    const central = await stagedCentral(pages);
    const hub = hubAgenda();
    const puller = hub.puller(central.url);
    expect(await puller.pull()).toMatchObject({ ok: false });
    expect(hub.codes()).toEqual(['KDQD-MAXA booked']);
    // The share is not confirmed on a pull that did not reach the last page: the hub keeps the outposts' places free.
    expect(hub.agenda.pullState('zwolle-centrum')).toMatchObject({ cursor: 1, confirmed: false });
    pages.set(1, { appointments: [booking(2, 'KDQD-MAXC', '10:30'), booking(3, 'KDQD-MAXA', '10:00', 'cancelled')], cursor: 3, more: false, allowanceVersion: 1 });
    expect(await puller.pull()).toMatchObject({ ok: true, added: 1, cancelled: 1, confirmed: true });
    expect(central.asked.slice(-1)).toEqual([1]);
    expect(hub.codes()).toEqual(['KDQD-MAXA cancelled', 'KDQD-MAXC booked']);
  });
});
