import type { z } from 'zod';
import { AgendaSlots, AppointmentBookingAnswer, AppointmentCancellation, SeatBookingAnswer, SessionList } from '../../../shared/central-api/appointments';
import { CoreError } from '../errors';
import { AgendaUnreachable, readAgendaAnswer, type AgendaPort } from './agenda-port';

/**
 * An outpost kiosk's agenda: the central API, which holds the bookings of the shops outposts
 * book at. Bookings carry the Idempotency-Key header, so a retried one finds the place it took.
 */
export function centralPort(options: { baseUrl: string; token: () => string | null; timeoutMs: number }): AgendaPort {
  const base = options.baseUrl.replace(/\/+$/, '');
  async function ask<T extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: T, body?: unknown, idempotencyKey?: string, retries = 0): Promise<z.infer<T>> {
    const token = options.token();
    if (!token) throw new AgendaUnreachable('this device has no token for the central API yet');
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(idempotencyKey ? { 'Idempotency-Key': `"${idempotencyKey}"` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      if (retries > 0) return ask(method, path, schema, body, idempotencyKey, retries - 1);
      throw new AgendaUnreachable(err instanceof Error ? err.name : 'the central API is not reachable');
    }
    const answer: unknown = await res.json().catch(() => null);
    return readAgendaAnswer(res.status, answer, schema);
  }
  const at = (locationId: string): string => `/v1/locations/${encodeURIComponent(locationId)}`;
  return {
    slots: (q) => ask('GET', `${at(q.locationId)}/appointment-slots?${new URLSearchParams({ topic: q.topic, days: String(q.days), ...(q.from ? { from: q.from } : {}) })}`, AgendaSlots),
    book: ({ locationId, idempotencyKey, ...booking }) => ask('POST', `${at(locationId)}/appointments`, AppointmentBookingAnswer, booking, idempotencyKey, 1),
    cancel: (locationId, code) => ask('POST', `${at(locationId)}/appointments/${encodeURIComponent(code)}/cancellation`, AppointmentCancellation, {}),
    checkIn: async () => {
      throw new CoreError('forbidden', 'An outpost has no desk: check in at the shop\'s own kiosk.');
    },
    sessions: async (locationIds, audience) => {
      const lists = await Promise.all(locationIds.map((id) => ask('GET', `${at(id)}/sessions?audience=${audience}`, SessionList)));
      return lists.flatMap((l) => l.sessions).sort((a, b) => a.start.localeCompare(b.start));
    },
    signUp: ({ sessionId, idempotencyKey, ...seat }) => ask('POST', `/v1/sessions/${encodeURIComponent(sessionId)}/seats`, SeatBookingAnswer, seat, idempotencyKey, 1),
  };
}
