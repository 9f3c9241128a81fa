import type { z } from 'zod';
import {
  AgendaRefusal,
  AgendaSlots,
  AppointmentBookingAnswer,
  AppointmentCancellation,
  AppointmentCheckInAnswer,
  SeatBookingAnswer,
  SessionList,
  type AppointmentBooking,
  type HubAgendaOp,
  type SeatBooking,
} from '../../../shared/central-api/appointments';
import type { SessionView } from '../../../shared/contract/sessions-channels';
import { CoreError } from '../errors';
import type { HubClient } from '../hub/hub-client';
import type { Agenda } from './agenda';
import type { BookedVia } from './agenda-repo';

/** The agenda could not be asked (hub or central API down, or not taking this kiosk): nothing was booked there. */
export class AgendaUnreachable extends Error {
  override name = 'AgendaUnreachable';
}

export type BookingRequest = AppointmentBooking & { locationId: string; idempotencyKey: string };
export type SeatRequest = SeatBooking & { sessionId: string; idempotencyKey: string };

/** Where a device's agenda questions go: its own agenda, its hub, or the central API. */
export interface AgendaPort {
  slots(query: { locationId: string; topic: string; from?: string; days: number }): Promise<AgendaSlots>;
  book(request: BookingRequest): Promise<z.infer<typeof AppointmentBookingAnswer>>;
  cancel(locationId: string, code: string): Promise<z.infer<typeof AppointmentCancellation>>;
  checkIn(locationId: string, code: string): Promise<z.infer<typeof AppointmentCheckInAnswer>>;
  sessions(locationIds: readonly string[], audience: 'location' | 'region'): Promise<SessionView[]>;
  signUp(request: SeatRequest): Promise<z.infer<typeof SeatBookingAnswer>>;
}

/** The agenda in this device's own database: the counter's, a demo kiosk's, the central API's. */
export function localPort(agenda: Agenda, via: BookedVia, servedHere: (locationId: string) => boolean): AgendaPort {
  const here = (locationId: string): string => {
    if (!servedHere(locationId)) throw new CoreError('not_found', `This agenda does not hold appointments for "${locationId}".`);
    return locationId;
  };
  return {
    slots: async (q) => ({ locationId: q.locationId, slots: agenda.freeSlots(here(q.locationId), q.topic, q.from ?? '0000-01-01', q.days) }),
    book: async (r) => agenda.book({ ...r, locationId: here(r.locationId), start: new Date(r.start), via }),
    cancel: async (locationId, code) => agenda.cancel(code, here(locationId), via),
    checkIn: async (locationId, code) => agenda.checkIn(code, here(locationId), via),
    sessions: async (locationIds, audience) => agenda.sessions(locationIds.filter(servedHere), audience),
    signUp: async (r) => agenda.signUp({ ...r, via }, servedHere),
  };
}

/**
 * The answer of a hub (or the central API) to an agenda question: a refusal of the request becomes
 * the CoreError the screen shows; anything the kiosk cannot read counts as "could not ask".
 */
export function readAgendaAnswer<T extends z.ZodType>(status: number, body: unknown, schema: T): z.infer<T> {
  if (status === 200 || status === 201) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new AgendaUnreachable('the agenda answered something this kiosk cannot read');
  }
  const refusal = AgendaRefusal.safeParse(body);
  if ((status === 404 || status === 409 || status === 422) && refusal.success && refusal.data.code !== 'unavailable') throw new CoreError(refusal.data.code, refusal.data.message);
  throw new AgendaUnreachable(`the agenda answered ${status}`);
}

/** A kiosk of a shop with a hub: every question goes to the counter over the LAN link. */
export function hubPort(client: HubClient, timeoutMs: number): AgendaPort {
  async function ask<T extends z.ZodType>(op: HubAgendaOp, body: unknown, schema: T, retries = 0): Promise<z.infer<T>> {
    let reply: { status: number; body: unknown };
    try {
      reply = await client.exchange(`/hub/v1/agenda/${op}`, body, timeoutMs);
    } catch (err) {
      // A booking carries its idempotency key: asking once more can only find the place it took, never a second one.
      if (retries > 0) return ask(op, body, schema, retries - 1);
      throw new AgendaUnreachable(err instanceof Error ? err.message : 'the hub is not reachable');
    }
    return readAgendaAnswer(reply.status, reply.body, schema);
  }
  return {
    slots: (q) => ask('slots', q, AgendaSlots),
    book: (r) => ask('book', r, AppointmentBookingAnswer, 1),
    cancel: (locationId, code) => ask('cancel', { locationId, code }, AppointmentCancellation),
    checkIn: (locationId, code) => ask('checkIn', { locationId, code }, AppointmentCheckInAnswer),
    sessions: async (locationIds, audience) => (await ask('sessions', { locationIds, audience }, SessionList)).sessions,
    signUp: (r) => ask('signUp', r, SeatBookingAnswer, 1),
  };
}
