import { z } from 'zod';
import { CentralAppointment, CentralAppointmentFeed, OutpostAllowanceAck } from '../../../shared/central-api/appointments';
import type { Logger } from '../log/logger';
import type { Agenda } from './agenda';

/** The feed as read off the wire: its rows one by one, so one row this hub cannot read does not hold back the others. */
const FeedEnvelope = CentralAppointmentFeed.extend({ appointments: z.array(z.unknown()).max(500) });

const pageSize = 100;
/** A feed that keeps saying "more" after this many pages is not making progress: the rest waits for the next pull. */
const mostPages = 50;

export type PullOutcome = { ok: true; added: number; cancelled: number; skipped: number; confirmed: boolean } | { ok: false; reason: string };

/**
 * The counter pulls its shop's outpost bookings from the central API into its own agenda, so the
 * desk sees them, the queue calls them and the shop's kiosk checks them in by code. Before each
 * pull it sends the outposts' allowance (its share per day part) while the central API has not
 * confirmed the latest one. Each page goes in with its cursor in one transaction; a pull that is
 * asked for while one runs joins that one.
 */
export function createCentralPull(deps: { agenda: Agenda; locationId: string; baseUrl: string; token: () => string | null; timeoutMs: number; logger: Logger }) {
  const { agenda, locationId } = deps;
  const log = deps.logger.child({ part: 'appointments-pull' });
  const base = `${deps.baseUrl.replace(/\/+$/, '')}/v1/locations/${encodeURIComponent(locationId)}`;

  async function ask(token: string, method: 'GET' | 'PUT', url: string, body?: unknown): Promise<unknown> {
    const res = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    if (res.status !== 200) throw new Error(`the central API answered ${res.status}`);
    return res.json();
  }

  async function once(): Promise<PullOutcome> {
    const token = deps.token();
    if (!token) return { ok: false, reason: 'this counter has no token for the central API yet' };
    try {
      if (!agenda.pullState(locationId).confirmed) {
        const ack = OutpostAllowanceAck.safeParse(await ask(token, 'PUT', `${base}/outpost-allowance`, agenda.offerAllowance(locationId)));
        if (!ack.success) throw new Error('the central API answered the allowance with something this counter cannot read');
      }
      let added = 0;
      let cancelled = 0;
      let skipped = 0;
      for (let page = 0; page < mostPages; page++) {
        const { cursor } = agenda.pullState(locationId);
        const feed = FeedEnvelope.safeParse(await ask(token, 'GET', `${base}/appointments?since=${cursor}&limit=${pageSize}`));
        if (!feed.success) throw new Error('the central API answered the pull with something this counter cannot read');
        const rows: CentralAppointment[] = [];
        for (const raw of feed.data.appointments) {
          const row = CentralAppointment.safeParse(raw);
          if (row.success && Date.parse(row.data.start) < Date.parse(row.data.end)) rows.push(row.data);
          else {
            skipped++;
            log.warn('an outpost booking from the central API cannot be read and is left out', { issues: row.success ? 'end not after start' : row.error.issues.map((i) => i.path.join('.')).join(', ').slice(0, 120) });
          }
        }
        const taken = agenda.importCentral(locationId, { rows, cursor: feed.data.cursor, more: feed.data.more, allowanceVersion: feed.data.allowanceVersion });
        added += taken.added;
        cancelled += taken.cancelled;
        skipped += taken.refused.length;
        if (taken.refused.length > 0) log.warn('outpost bookings whose code is already used here are left out', { rows: taken.refused.length });
        if (!feed.data.more) break;
      }
      if (added + cancelled > 0) log.info('pulled outpost bookings', { added, cancelled });
      return { ok: true, added, cancelled, skipped, confirmed: agenda.pullState(locationId).confirmed };
    } catch (err) {
      const reason = err instanceof Error ? err.message.slice(0, 120) : 'the pull failed';
      log.warn('outpost bookings could not be pulled now', { reason });
      return { ok: false, reason };
    }
  }

  let running: Promise<PullOutcome> | null = null;
  return {
    pull: (): Promise<PullOutcome> => {
      running ??= once().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
