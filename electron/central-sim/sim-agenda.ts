import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { AgendaSlotsQuery, AppointmentBooking, AppointmentCancellationOrder, OutpostAllowance, SeatBooking } from '../../shared/central-api/appointments';
import { problemTypes, type Problem } from '../../shared/central-api/devices';
import { ContentPackSchema, weekdays, type ContentPack } from '../../shared/content/pack-schema';
import { formatIssues } from '../../shared/validation/format-issues';
import { createAgenda } from '../core/appointments/agenda';
import { localPort, type AgendaPort } from '../core/appointments/agenda-port';
import { createFieldCipher } from '../core/crypto/field-cipher';
import { CoreError } from '../core/errors';
import { openStore, type Store } from '../core/store/open-store';
import { parseIdempotencyKey } from './idempotency-key';

export const agendaRefusedType = 'https://api.loopbaanwinkel.example/problems/agenda-refused';

export interface AgendaAnswer {
  status: number;
  body: unknown;
}

const problemOf = (status: number, type: string, title: string, extra: Pick<Problem, 'errors'> | { code: string; message: string } = {}): AgendaAnswer => ({ status, body: { type, title, status, ...extra } });

/**
 * The central API's agendas for the shops outposts book at: the core's own agenda code on a
 * database file of the simulator, so a booking here is checked and taken in one IMMEDIATE SQLite
 * transaction exactly as at a counter. Idempotency is the agenda's: a booking's key is stored with
 * it, so a repeat finds the same booking and a key reused for another booking is refused.
 */
export function openSimAgenda(options: { dbFile: string; packFile: () => string | undefined; now: () => Date }) {
  let cached: { file: string; pack: ContentPack } | null = null;
  const pack = (): ContentPack | null => {
    const file = options.packFile();
    if (!file) return null;
    if (cached?.file !== file) cached = { file, pack: ContentPackSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) };
    return cached.pack;
  };
  const isShop = (id: string): boolean => pack()?.locations.some((l) => l.id === id && l.kind === 'shop' && l.openingTimes !== undefined) ?? false;
  // Opened (and migrated) at the first agenda call: only outposts book here, and a demo kiosk's
  // start should not wait for a database it may never use.
  let opened: { store: Store; agenda: ReturnType<typeof createAgenda>; port: AgendaPort } | null = null;
  const open = (): { agenda: ReturnType<typeof createAgenda>; port: AgendaPort } => {
    if (!opened) {
      const store = openStore(options.dbFile);
      // A fresh key per run: the simulator keeps no first names worth keeping across restarts.
      const agenda = createAgenda({ db: store.db, cipher: createFieldCipher(randomBytes(32)), now: options.now, pack, outposts: { mode: 'central' } });
      opened = { store, agenda, port: localPort(agenda, 'central', isShop) };
    }
    return opened;
  };

  const refused = (err: unknown): AgendaAnswer => {
    if (err instanceof CoreError && (err.code === 'invalid_input' || err.code === 'not_found' || err.code === 'conflict' || err.code === 'unavailable')) {
      const status = { invalid_input: 422, not_found: 404, conflict: 409, unavailable: 503 }[err.code];
      return problemOf(status, agendaRefusedType, err.message, { code: err.code, message: err.message });
    }
    throw err;
  };
  const invalid = (issues: ReturnType<typeof formatIssues>): AgendaAnswer => problemOf(422, problemTypes.invalidBody, 'The request does not match the contract.', { errors: issues });

  /** Answers one agenda operation, or null when the path is none of them. */
  async function handle(method: string, url: URL, req: IncomingMessage, body: () => Promise<unknown>): Promise<AgendaAnswer | null> {
    const path = url.pathname;
    const at = /^\/v1\/locations\/([a-z0-9-]{1,60})\/(appointment-slots|appointments|sessions)$/.exec(path);
    const cancel = /^\/v1\/locations\/([a-z0-9-]{1,60})\/appointments\/([A-Z0-9-]{9})\/cancellation$/.exec(path);
    const seats = /^\/v1\/sessions\/([a-z0-9-]{1,60})\/seats$/.exec(path);
    const allowance = /^\/v1\/locations\/([a-z0-9-]{1,60})\/outpost-allowance$/.exec(path);
    const cancellations = path === '/v1/appointment-cancellations';
    if (!at && !cancel && !seats && !allowance && !cancellations) return null;
    if (!pack()) return problemOf(503, problemTypes.unavailable, 'No content pack is published, so there are no opening hours to book in.');
    const key = (): string | null => parseIdempotencyKey(req.headers['idempotency-key']);
    const { agenda, port } = open();
    try {
      if (method === 'GET' && at?.[2] === 'appointment-slots') {
        const query = AgendaSlotsQuery.safeParse({ locationId: at[1], topic: url.searchParams.get('topic'), ...(url.searchParams.has('from') ? { from: url.searchParams.get('from') } : {}), days: Number(url.searchParams.get('days') ?? 14) });
        if (!query.success) return invalid(formatIssues(query.error));
        return { status: 200, body: await port.slots(query.data) };
      }
      if (method === 'GET' && at?.[2] === 'sessions') {
        const audience = url.searchParams.get('audience') === 'region' ? 'region' : 'location';
        return { status: 200, body: { sessions: await port.sessions([at[1] ?? ''], audience) } };
      }
      if (method === 'POST' && at?.[2] === 'appointments') {
        const idempotencyKey = key();
        if (!idempotencyKey) return problemOf(400, problemTypes.missingKey, 'This operation needs an Idempotency-Key header.');
        const booking = AppointmentBooking.safeParse(await body());
        if (!booking.success) return invalid(formatIssues(booking.error));
        const answer = await port.book({ ...booking.data, locationId: at[1] ?? '', idempotencyKey });
        return { status: answer.outcome === 'booked' ? 201 : 200, body: answer };
      }
      if (method === 'GET' && at?.[2] === 'appointments') {
        const since = Number(url.searchParams.get('since') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 100);
        if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
          return invalid([{ path: 'since', message: 'expected a whole cursor of 0 or more and a limit from 1 to 500' }]);
        }
        agenda.shopOf(at[1] ?? '');
        return { status: 200, body: agenda.feed(at[1] ?? '', since, limit) };
      }
      if (method === 'PUT' && allowance) {
        const plan = OutpostAllowance.safeParse(await body());
        if (!plan.success) return invalid(formatIssues(plan.error));
        return { status: 200, body: { version: agenda.applyAllowance(allowance[1] ?? '', plan.data) } };
      }
      if (method === 'POST' && cancellations) {
        const order = AppointmentCancellationOrder.safeParse(await body());
        if (!order.success) return invalid(formatIssues(order.error));
        return { status: 200, body: await port.cancel(order.data.locationId, order.data.code) };
      }
      if (method === 'POST' && cancel) return { status: 200, body: await port.cancel(cancel[1] ?? '', cancel[2] ?? '') };
      if (method === 'POST' && seats) {
        const idempotencyKey = key();
        if (!idempotencyKey) return problemOf(400, problemTypes.missingKey, 'This operation needs an Idempotency-Key header.');
        const seat = SeatBooking.safeParse(await body());
        if (!seat.success) return invalid(formatIssues(seat.error));
        const answer = await port.signUp({ ...seat.data, sessionId: seats[1] ?? '', idempotencyKey });
        return { status: answer.outcome === 'signed-up' ? 201 : 200, body: answer };
      }
    } catch (err) {
      return refused(err);
    }
    return problemOf(405, problemTypes.notFound, `${method} is not an operation on ${path.slice(0, 80)}`);
  }

  /**
   * Plays the hub of every shop whose hub sent nothing yet: each shares `places` per slot with
   * outposts. No allowance version is recorded, so a real hub's first allowance replaces it.
   */
  function allowEveryShop(places: number): void {
    const parts = ['morning', 'afternoon', 'evening'] as const;
    for (const shop of pack()?.locations ?? []) {
      const { agenda } = open();
      if (!isShop(shop.id) || agenda.allowanceVersion(shop.id) !== null) continue;
      for (const weekday of weekdays) for (const dayPart of parts) agenda.setCapacity(shop.id, { weekday, dayPart, advisers: places }, 'simulator');
    }
  }

  return { handle, allowEveryShop, close: () => opened?.store.close() };
}
