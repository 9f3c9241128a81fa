import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { dayPartOf, nextDate, shopInstant, slotAt, slotsFor, wallClock, type SlotRefusal, type SlotRules } from '../../../shared/appointments/slot-maths';
import type { AppointmentTopic, ContentPack, GroupSession, Location } from '../../../shared/content/pack-schema';
import { weekdays } from '../../../shared/content/pack-schema';
import type {
  AgendaAppointment,
  AgendaSession,
  BookedAppointment,
  CapacitySetting,
  DayAgenda,
  DayPart,
  SetCapacityInput,
  OutpostShareSetting,
  Slot,
} from '../../../shared/contract/appointments-channels';
import type { CentralAppointment, OutpostAllowance } from '../../../shared/central-api/appointments';
import type { QueueTicket } from '../../../shared/contract/desk-channels';
import type { SessionAttendees, SessionView } from '../../../shared/contract/sessions-channels';
import type { FieldCipher } from '../crypto/field-cipher';
import { CoreError } from '../errors';
import { appendAudit } from '../outbox/audit';
import { newReferenceCode } from '../requests/reference-code';
import { serviceDay } from '../requests/service-day';
import { agendaRepo, type AppointmentRow, type BookedVia, type SeatRow } from './agenda-repo';
import { queueRule } from './queue-rule';

/** Advisers per day part where the location manager set nothing: one, so a new shop can take appointments at once. */
export const defaultAdvisers = 1;
const alternativesShown = 6;
const lookAheadDays = 14;
/** Every booking still to come, for the allowance's caps. */
const farFuture = new Date('9999-12-31T00:00:00Z');

export interface BookRequest {
  locationId: string;
  topic: string;
  start: Date;
  firstName?: string;
  language: string;
  idempotencyKey: string;
  via: BookedVia;
}

export type BookOutcome = { outcome: 'booked'; appointment: Omit<BookedAppointment, 'printJobId'> } | { outcome: 'taken'; alternatives: Slot[] };

export interface SignUpRequest {
  sessionId: string;
  firstName?: string;
  language: string;
  idempotencyKey: string;
  via: BookedVia;
}

export type SignUpOutcome =
  | { outcome: 'signed-up'; seat: { code: string; sessionId: string; locationId: string; start: string } }
  | { outcome: 'full'; alternatives: SessionView[] };

export type CancelOutcome = { outcome: 'cancelled'; kind: 'appointment' | 'seat'; code: string; start: string };

export type CheckInOutcome =
  | { outcome: 'checked-in'; code: string; topic: string; start: string; asWalkIn: boolean }
  | { outcome: 'not-today'; code: string; start: string };

/** One candidate for the desk's next call, as the queue asks for it (docs/appointments.md). */
export interface CallCandidate {
  /** due: at its time, called before every walk-in; walk-in: queued by arrival; early: only when nobody else waits. */
  rank: 'due' | 'walk-in' | 'early';
  queuedAt: string;
  call(staffId: string, at: Date): QueueTicket;
}

export interface CallSource {
  next(at: Date): CallCandidate | null;
  /** Checked-in and called appointments of the day, as queue entries; `staffId` marks the caller's own. */
  open(at: Date, staffId: string | null): QueueTicket[];
  /** The appointment this staff member called and has not given an outcome for yet. */
  calledBy(staffId: string, at: Date): QueueTicket | null;
  /** Closes a called appointment; null when the id is not one of its own. */
  close(id: string, outcome: 'served' | 'no-show', at: Date, staffId: string): QueueTicket | null;
}

const refusalMessages: Record<SlotRefusal, string> = {
  past: 'That time has already passed: choose one of the times offered.',
  'closed-day': 'The shop is closed on that day: choose one of the days offered.',
  'outside-hours': 'That time is outside the shop\'s opening hours: choose one of the times offered.',
  'not-a-slot': 'That is not one of the times offered for this topic: choose one of them.',
};

/** Rolls the rebooking transaction back (the old appointment keeps its place) when the new slot is full. */
class TakenDuringRebook extends Error {
  constructor(readonly alternatives: Slot[]) {
    super('the new slot was just taken');
  }
}

/**
 * How this agenda shares its shop's time with outposts (docs/appointments.md, "One owner per
 * place"). `hub`: the counter keeps the outposts' share free and holds the bookings it pulled from
 * the central API; a cancel here of such a booking is announced (the module puts it in the outbox,
 * in the same transaction). `central`: the central API, which books only the allowance a hub sent
 * and keeps the feed the hubs pull. Without it (a demo kiosk) the agenda books every place itself.
 */
export type OutpostSharing = { mode: 'hub'; onCancelled(row: AppointmentRow, at: Date): void } | { mode: 'central' };

/** The pull marks its own cancels, which must not be announced back to the central API. */
export const pulledFromCentral = 'central-pull';

const sealContext = (table: 'appointments' | 'session_seats', field: 'first_name', id: string): string => `${table}.${field}:${id}`;

/**
 * A shop's agenda: appointments, the advisers per day part, and group session seats. Every booking
 * checks the capacity and takes the place in one IMMEDIATE transaction, so of any number of
 * simultaneous attempts on the last place exactly one wins, in one process or in several. The
 * counter runs one for its own shop; the central API (its simulator) one for every shop an outpost
 * books at; a demo kiosk one of its own.
 */
export function createAgenda(deps: { db: Database; cipher: FieldCipher; now: () => Date; pack: () => ContentPack | null; outposts?: OutpostSharing }) {
  const { db, cipher } = deps;
  const repo = agendaRepo(db);
  const sharing = deps.outposts ?? null;

  const packOrFail = (): ContentPack => {
    const pack = deps.pack();
    if (!pack) throw new CoreError('unavailable', 'No content pack is installed, so there are no opening hours to book in.');
    return pack;
  };

  function shopOf(locationId: string): { pack: ContentPack; shop: Location & { openingTimes: NonNullable<Location['openingTimes']> } } {
    const pack = packOrFail();
    const shop = pack.locations.find((l) => l.id === locationId);
    if (!shop || shop.kind !== 'shop' || !shop.openingTimes) throw new CoreError('not_found', `There is no shop "${locationId}" that takes appointments.`);
    return { pack, shop: { ...shop, openingTimes: shop.openingTimes } };
  }

  function topicOf(pack: ContentPack, id: string): AppointmentTopic {
    const topic = pack.appointmentTopics.find((t) => t.id === id);
    if (!topic) throw new CoreError('invalid_input', `There is no appointment topic "${id}".`);
    return topic;
  }

  /**
   * Where nothing is set: one adviser at a shop's own agenda; none at the central API, which gives
   * outposts only the places a shop's hub allowed it (a shop opts in, and a hub that has not been
   * heard of yet books every place itself).
   */
  const unsetAdvisers = sharing?.mode === 'central' ? 0 : defaultAdvisers;

  function advisersOf(locationId: string): (date: string, dayPart: DayPart) => number {
    const set = new Map(repo.capacityOf(locationId).map((r) => [`${r.scope}/${r.day_part}`, r.advisers]));
    return (date, dayPart) => set.get(`${date}/${dayPart}`) ?? set.get(`${wallClock(shopInstant(date, '12:00')).weekday}/${dayPart}`) ?? unsetAdvisers;
  }

  function outpostsRow(locationId: string) {
    const row = repo.outposts(locationId);
    if (row) return row;
    repo.ensureOutposts(locationId);
    const made = repo.outposts(locationId);
    if (!made) throw new Error('the outpost share just stored is not there');
    return made;
  }

  /**
   * The places of a day part the hub keeps for outposts (never more than the advisers): the share
   * the central API confirmed, and until it confirmed the latest one, the most it may book by (the
   * last confirmed one or any sent since). A share not sent yet is not kept: the central API cannot
   * book by it. So a shop that shares 0, or has not reached the central API, keeps nothing back.
   */
  function keptForOutposts(locationId: string, advisers: (date: string, dayPart: DayPart) => number): (date: string, dayPart: DayPart) => number {
    const row = repo.outposts(locationId);
    const share = row?.share ?? 0;
    const confirmed = row !== undefined && row.confirmed_version === row.plan_version;
    const kept = confirmed ? share : (row?.held_share ?? 0);
    return (date, dayPart) => Math.min(kept, advisers(date, dayPart));
  }

  function rulesFor(locationId: string, topicId: string, from: string, days: number, now: Date): SlotRules {
    const { pack, shop } = shopOf(locationId);
    const topic = topicOf(pack, topicId);
    let to = from;
    for (let i = 0; i < days; i++) to = nextDate(to);
    const advisers = advisersOf(locationId);
    const held = repo.holdingBetween(locationId, shopInstant(from, '00:00'), shopInstant(to, '00:00'));
    const hub = sharing?.mode === 'hub';
    return {
      openingTimes: shop.openingTimes,
      closedOn: new Set([...pack.closingDays.map((d) => d.date), ...shop.closedOn]),
      topic: { id: topic.id, slotMinutes: topic.slotMinutes },
      advisers,
      booked: hub ? held.filter((h) => !h.central) : held,
      ...(hub ? { reserved: { places: keptForOutposts(locationId, advisers), booked: held.filter((h) => h.central) } } : {}),
      ...(sharing?.mode === 'central' ? { caps: repo.capsOf(locationId) } : {}),
      now,
    };
  }

  const freeSlots = (locationId: string, topicId: string, from: string, days: number, now: Date): Slot[] =>
    slotsFor(rulesFor(locationId, topicId, from, days, now), from, days)
      .filter((s) => s.remaining > 0)
      .map(({ dayPart: _part, ...slot }) => slot);

  function newCode(): string {
    for (;;) {
      const code = newReferenceCode();
      if (!repo.codeUsed(code)) return code;
    }
  }

  const seal = (value: string | undefined, table: 'appointments' | 'session_seats', field: 'first_name', id: string): string | null =>
    value === undefined ? null : cipher.seal(value, sealContext(table, field, id));
  const openFirstName = (row: AppointmentRow | SeatRow, table: 'appointments' | 'session_seats'): string | null =>
    row.first_name === null ? null : cipher.open(row.first_name, sealContext(table, 'first_name', row.id));

  const booked = (row: AppointmentRow): Omit<BookedAppointment, 'printJobId'> => ({ code: row.code, locationId: row.location_id, topic: row.topic, start: row.start_at, end: row.end_at });

  const book = db.transaction((input: BookRequest, now: Date): BookOutcome => {
    const again = repo.byKey(input.idempotencyKey);
    if (again) {
      if (again.location_id !== input.locationId || again.topic !== input.topic || again.start_at !== input.start.toISOString()) {
        throw new CoreError('conflict', 'This idempotency key was already used for another booking.');
      }
      return { outcome: 'booked', appointment: booked(again) };
    }
    const day = serviceDay(input.start);
    const rules = rulesFor(input.locationId, input.topic, day, 1, now);
    const found = slotAt(rules, input.start);
    if ('refused' in found) throw new CoreError('invalid_input', refusalMessages[found.refused]);
    if (found.slot.remaining <= 0) {
      const today = serviceDay(now);
      return { outcome: 'taken', alternatives: freeSlots(input.locationId, input.topic, day < today ? today : day, lookAheadDays, now).slice(0, alternativesShown) };
    }
    const id = uuidv7();
    const code = newCode();
    repo.insert({
      id,
      code,
      location_id: input.locationId,
      topic: input.topic,
      start_at: found.slot.start,
      end_at: found.slot.end,
      service_day: day,
      first_name: seal(input.firstName, 'appointments', 'first_name', id),
      language: input.language,
      booked_via: input.via,
      idempotency_key: input.idempotencyKey,
      booked_at: now.toISOString(),
    });
    appendAudit(db, now, { action: 'appointment.booked', aggregateType: 'appointment', aggregateId: id, detail: { code, topic: input.topic, start: found.slot.start, via: input.via } });
    if (sharing?.mode === 'central') repo.appendFeed(id, input.locationId);
    const row = repo.byId(id);
    if (!row) throw new Error('the appointment just stored is not there');
    return { outcome: 'booked', appointment: booked(row) };
  });

  function appointmentHere(code: string, locationId: string): AppointmentRow {
    const row = repo.byCode(code);
    // Another shop's code is answered like an unknown one: a code tells nothing about other shops.
    if (!row || row.location_id !== locationId) throw new CoreError('not_found', `There is no appointment with the code ${code} at this shop.`);
    return row;
  }

  const cancel = db.transaction((code: string, locationId: string, now: Date, by: string): CancelOutcome => {
    const seat = repo.seatByCode(code);
    if (seat && seat.location_id === locationId) {
      if (seat.state !== 'cancelled') {
        repo.cancelSeat(seat.id, now);
        repo.forgetSeatContact(seat.id, now);
        appendAudit(db, now, { action: 'session-seat.cancelled', aggregateType: 'session-seat', aggregateId: seat.id, detail: { code, session: seat.session_id, by } });
      }
      return { outcome: 'cancelled', kind: 'seat', code, start: seat.session_start };
    }
    const row = appointmentHere(code, locationId);
    if (row.state === 'cancelled') return { outcome: 'cancelled', kind: 'appointment', code, start: row.start_at };
    if (row.state !== 'booked' && row.state !== 'checked-in') throw new CoreError('conflict', `The appointment ${code} has already taken place (${row.state}).`);
    repo.setState(row.id, 'cancelled', now);
    repo.forgetAppointmentContact(row.id, now);
    appendAudit(db, now, { action: 'appointment.cancelled', aggregateType: 'appointment', aggregateId: row.id, detail: { code, by } });
    if (sharing?.mode === 'central') repo.appendFeed(row.id, locationId);
    if (sharing?.mode === 'hub' && row.booked_via === 'central' && by !== pulledFromCentral) sharing.onCancelled(row, now);
    return { outcome: 'cancelled', kind: 'appointment', code, start: row.start_at };
  });

  const checkIn = db.transaction((code: string, locationId: string, now: Date, by: string): CheckInOutcome => {
    const row = appointmentHere(code, locationId);
    if (row.state === 'cancelled') throw new CoreError('conflict', `The appointment ${code} was cancelled.`);
    if (row.service_day !== serviceDay(now)) {
      if (row.state === 'booked') return { outcome: 'not-today', code, start: row.start_at };
      throw new CoreError('conflict', `The appointment ${code} has already taken place.`);
    }
    if (row.state === 'checked-in') return { outcome: 'checked-in', code, topic: row.topic, start: row.start_at, asWalkIn: row.as_walk_in === 1 };
    if (row.state !== 'booked') throw new CoreError('conflict', `The appointment ${code} has already taken place (${row.state}).`);
    const asWalkIn = queueRule.isLate(new Date(row.start_at), now);
    repo.checkIn(row.id, now, asWalkIn);
    appendAudit(db, now, { action: 'appointment.checked-in', aggregateType: 'appointment', aggregateId: row.id, detail: { code, asWalkIn, by } });
    return { outcome: 'checked-in', code, topic: row.topic, start: row.start_at, asWalkIn };
  });

  const agendaItem = (row: AppointmentRow): AgendaAppointment => ({
    id: row.id,
    code: row.code,
    topic: row.topic,
    start: row.start_at,
    end: row.end_at,
    state: row.state,
    firstName: openFirstName(row, 'appointments'),
    bookedVia: row.booked_via,
    checkedInAt: row.checked_in_at,
    asWalkIn: row.as_walk_in === 1,
  });

  const close = db.transaction((code: string, locationId: string, outcome: 'served' | 'no-show', now: Date, staffId: string): AgendaAppointment => {
    const row = appointmentHere(code, locationId);
    if (outcome === 'no-show') {
      if (row.state !== 'booked' && row.state !== 'called') throw new CoreError('conflict', `The appointment ${code} is ${row.state}: only a booked or called appointment can be a no-show.`);
      if (row.state === 'booked' && new Date(row.start_at) > now) throw new CoreError('conflict', `The appointment ${code} has not started yet.`);
    } else if (row.state !== 'checked-in' && row.state !== 'called') throw new CoreError('conflict', `The appointment ${code} is ${row.state}: check it in first.`);
    repo.setState(row.id, outcome, now);
    appendAudit(db, now, { action: `appointment.${outcome}`, aggregateType: 'appointment', aggregateId: row.id, detail: { code, by: staffId } });
    return agendaItem({ ...row, state: outcome });
  });

  const rebook = db.transaction((code: string, locationId: string, start: Date, idempotencyKey: string, now: Date, staffId: string): BookOutcome => {
    const old = appointmentHere(code, locationId);
    if (old.state !== 'booked' && old.state !== 'checked-in') throw new CoreError('conflict', `The appointment ${code} is ${old.state} and cannot be moved.`);
    // The old place is given up inside the same transaction, so moving to an overlapping time of a full day part still works.
    repo.setState(old.id, 'cancelled', now);
    if (sharing?.mode === 'hub' && old.booked_via === 'central') sharing.onCancelled(old, now);
    const outcome = book({ locationId, topic: old.topic, start, language: old.language, idempotencyKey, via: 'desk' }, now);
    if (outcome.outcome === 'taken') throw new TakenDuringRebook(outcome.alternatives);
    const moved = repo.byCode(outcome.appointment.code);
    if (moved && old.first_name !== null) {
      // The first name moves with the appointment.
      repo.setFirstName(moved.id, cipher.seal(cipher.open(old.first_name, sealContext('appointments', 'first_name', old.id)), sealContext('appointments', 'first_name', moved.id)));
    }
    repo.forgetAppointmentContact(old.id, now);
    appendAudit(db, now, { action: 'appointment.rebooked', aggregateType: 'appointment', aggregateId: old.id, detail: { from: code, to: outcome.appointment.code, by: staffId } });
    return outcome;
  });

  function sessionStart(session: GroupSession): { start: Date; end: Date } {
    const start = shopInstant(session.date, session.time);
    return { start, end: new Date(start.getTime() + session.minutes * 60_000) };
  }

  function sessionView(session: GroupSession): SessionView {
    const { start, end } = sessionStart(session);
    return {
      id: session.id,
      title: session.title,
      description: session.description,
      locationId: session.location,
      start: start.toISOString(),
      end: end.toISOString(),
      place: session.place,
      language: session.language,
      capacity: session.capacity,
      remaining: Math.max(0, session.capacity - repo.seatsTaken(session.id)),
      cancelled: session.cancelled,
    };
  }

  /** Upcoming sessions held at these shops, earliest first (cancelled ones too, marked). */
  function sessions(heldAt: (locationId: string) => boolean, now: Date, audience: 'location' | 'region' = 'location'): SessionView[] {
    const pack = packOrFail();
    return pack.sessions
      .filter((s) => heldAt(s.location) && (audience === 'location' || s.audience === 'region'))
      .map(sessionView)
      .filter((s) => Date.parse(s.start) > now.getTime())
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  function sessionOf(sessionId: string): GroupSession {
    const session = packOrFail().sessions.find((s) => s.id === sessionId);
    if (!session) throw new CoreError('not_found', `There is no group session "${sessionId}".`);
    return session;
  }

  const signUp = db.transaction((input: SignUpRequest, now: Date, servedHere: (locationId: string) => boolean): SignUpOutcome => {
    const session = sessionOf(input.sessionId);
    if (!servedHere(session.location)) throw new CoreError('not_found', `There is no group session "${input.sessionId}" at this shop.`);
    const seat = (row: SeatRow): SignUpOutcome => ({ outcome: 'signed-up', seat: { code: row.code, sessionId: row.session_id, locationId: row.location_id, start: row.session_start } });
    const again = repo.seatByKey(input.idempotencyKey);
    if (again) {
      if (again.session_id !== input.sessionId) throw new CoreError('conflict', 'This idempotency key was already used for another sign-up.');
      return seat(again);
    }
    if (session.cancelled) throw new CoreError('conflict', 'This session is cancelled: choose another one.');
    const { start } = sessionStart(session);
    if (start <= now) throw new CoreError('invalid_input', 'This session has already started: choose another one.');
    if (repo.seatsTaken(session.id) >= session.capacity) {
      const others = sessions(servedHere, now).filter((s) => s.id !== session.id && !s.cancelled && s.remaining > 0);
      return { outcome: 'full', alternatives: others.slice(0, alternativesShown) };
    }
    const id = uuidv7();
    const code = newCode();
    repo.insertSeat({
      id,
      code,
      session_id: session.id,
      location_id: session.location,
      session_start: start.toISOString(),
      first_name: seal(input.firstName, 'session_seats', 'first_name', id),
      language: input.language,
      booked_via: input.via,
      idempotency_key: input.idempotencyKey,
      signed_up_at: now.toISOString(),
    });
    appendAudit(db, now, { action: 'session-seat.signed-up', aggregateType: 'session-seat', aggregateId: id, detail: { code, session: session.id, via: input.via } });
    const row = repo.seatByCode(code);
    if (!row) throw new Error('the seat just stored is not there');
    return seat(row);
  });

  function agendaSession(session: GroupSession): AgendaSession {
    const view = sessionView(session);
    return { id: view.id, title: view.title, start: view.start, end: view.end, place: view.place, language: view.language, capacity: view.capacity, signedUp: repo.seatsTaken(session.id), cancelled: view.cancelled };
  }

  function capacity(locationId: string): CapacitySetting {
    const rows = repo.capacityOf(locationId);
    const advisers = advisersOf(locationId);
    const parts: DayPart[] = ['morning', 'afternoon', 'evening'];
    return {
      weekly: weekdays.flatMap((weekday) =>
        parts.map((dayPart) => ({ weekday, dayPart, advisers: rows.find((r) => r.scope === weekday && r.day_part === dayPart)?.advisers ?? unsetAdvisers })),
      ),
      exceptions: rows
        .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.scope))
        .map((r) => ({ date: r.scope, dayPart: r.day_part, advisers: advisers(r.scope, r.day_part) }))
        .sort((a, b) => a.date.localeCompare(b.date) || parts.indexOf(a.dayPart) - parts.indexOf(b.dayPart)),
    };
  }

  const setCapacity = db.transaction((locationId: string, input: SetCapacityInput, now: Date, staffId: string): CapacitySetting => {
    const scope = 'weekday' in input ? input.weekday : input.date;
    if (input.advisers === null) repo.dropCapacity(locationId, scope, input.dayPart);
    else repo.setCapacity(locationId, scope, input.dayPart, input.advisers);
    if (sharing?.mode === 'hub') {
      outpostsRow(locationId);
      repo.bumpPlan(locationId);
    }
    appendAudit(db, now, { action: 'appointments.capacity-set', aggregateType: 'location', aggregateId: locationId, detail: { scope, dayPart: input.dayPart, advisers: input.advisers, by: staffId } });
    return capacity(locationId);
  });

  const queueEntry = (row: AppointmentRow, staffId: string | null = null): QueueTicket => ({
    id: row.id,
    number: row.code,
    topic: row.topic,
    state: row.state === 'called' ? 'called' : row.state === 'served' ? 'served' : row.state === 'no-show' ? 'no-show' : 'waiting',
    createdAt: row.checked_in_at ?? row.booked_at,
    calledAt: row.called_at,
    mine: staffId !== null && row.state === 'called' && row.called_by === staffId,
    scanAreas: [],
  });

  const callAppointment = db.transaction((id: string, at: Date, staffId: string): QueueTicket => {
    if (!repo.markCalled(id, at, staffId)) throw new CoreError('conflict', 'That appointment was called at another desk just now.');
    const row = repo.byId(id);
    if (!row) throw new Error('the appointment being called is not there');
    appendAudit(db, at, { action: 'appointment.called', aggregateType: 'appointment', aggregateId: id, detail: { code: row.code, by: staffId } });
    return queueEntry(row, staffId);
  });

  function callSource(locationId: string): CallSource {
    return {
      next(at) {
        const waiting = repo.checkedIn(locationId, serviceDay(at));
        const candidate = (row: AppointmentRow, rank: CallCandidate['rank']): CallCandidate => ({ rank, queuedAt: row.checked_in_at ?? row.booked_at, call: (staffId, when) => callAppointment(row.id, when, staffId) });
        const due = waiting.find((r) => r.as_walk_in === 0 && queueRule.isDue(new Date(r.start_at), at));
        if (due) return candidate(due, 'due');
        const late = waiting.filter((r) => r.as_walk_in === 1).sort((a, b) => (a.checked_in_at ?? '').localeCompare(b.checked_in_at ?? ''))[0];
        if (late) return candidate(late, 'walk-in');
        const early = waiting[0];
        return early ? candidate(early, 'early') : null;
      },
      open: (at, staffId) => [...repo.checkedIn(locationId, serviceDay(at)), ...repo.called(locationId, serviceDay(at))].map((row) => queueEntry(row, staffId)),
      calledBy(staffId, at) {
        const row = repo.calledBy(locationId, serviceDay(at), staffId);
        return row ? queueEntry(row, staffId) : null;
      },
      close(id, outcome, at, staffId) {
        const row = repo.byId(id);
        if (!row || row.location_id !== locationId) return null;
        if (row.state !== 'called') throw new CoreError('conflict', `Appointment ${row.code} is ${row.state}, not called.`);
        return queueEntry({ ...row, state: close(row.code, locationId, outcome, at, staffId).state }, staffId);
      },
    };
  }

  function outpostShare(locationId: string): OutpostShareSetting {
    const row = outpostsRow(locationId);
    return { share: row.share, confirmed: row.confirmed_version === row.plan_version };
  }

  const setOutpostShare = db.transaction((locationId: string, share: number, now: Date, staffId: string): OutpostShareSetting => {
    if (!Number.isInteger(share) || share < 0 || share > 20) throw new CoreError('invalid_input', 'The outposts\' share is a whole number of places from 0 to 20.', [{ path: 'share', message: 'expected a whole number from 0 to 20' }]);
    const most = Math.max(...capacity(locationId).weekly.map((w) => w.advisers));
    if (share > most) {
      throw new CoreError('invalid_input', `Outposts cannot get ${share} places of a slot: no day part has more than ${most} advisers.`, [{ path: 'share', message: `expected at most ${most}` }]);
    }
    outpostsRow(locationId);
    repo.setShare(locationId, share);
    appendAudit(db, now, { action: 'appointments.outpost-share-set', aggregateType: 'location', aggregateId: locationId, detail: { share, by: staffId } });
    return outpostShare(locationId);
  });

  /**
   * What the central API may give outposts per day part: the share, never more than the advisers.
   * Taken to be sent, so the hub keeps that share free from now until a pull confirms the next one.
   * The order in this one transaction is what makes a raised share safe: first the share is held
   * (the shop's own kiosks can no longer book into it), then the caps are read from the shop's own
   * bookings, which from here on only shrink. A cap says how many outpost bookings may overlap
   * a span of the shop's own where they leave less than the share: the advisers minus the shop's own
   * bookings overlapping it.
   */
  const offerAllowance = db.transaction((locationId: string, now: Date): OutpostAllowance => {
    outpostsRow(locationId);
    repo.offerShare(locationId);
    const row = outpostsRow(locationId);
    const { weekly, exceptions } = capacity(locationId);
    const advisers = advisersOf(locationId);
    const own = repo.holdingBetween(locationId, now, farFuture).filter((h) => !h.central);
    const caps = new Map<string, { start: string; end: string; places: number }>();
    for (const span of own) {
      if (span.end <= now) continue;
      const most = advisers(serviceDay(span.start), dayPartOf(span.start));
      const places = Math.max(0, most - own.filter((o) => o.start < span.end && span.start < o.end).length);
      if (places >= Math.min(row.share, most)) continue;
      const start = span.start.toISOString();
      const end = span.end.toISOString();
      caps.set(`${start}/${end}`, { start, end, places });
    }
    return {
      version: row.plan_version,
      weekly: weekly.map((w) => ({ weekday: w.weekday, dayPart: w.dayPart, places: Math.min(row.share, w.advisers) })),
      exceptions: exceptions.map((e) => ({ date: e.date, dayPart: e.dayPart, places: Math.min(row.share, e.advisers) })),
      ...(caps.size > 0 ? { caps: [...caps.values()] } : {}),
    };
  });

  /** The central API takes a hub's allowance as its advisers for that shop; an older version never replaces a newer one. */
  const applyAllowance = db.transaction((locationId: string, plan: OutpostAllowance, now: Date): number => {
    shopOf(locationId);
    const held = repo.allowanceVersion(locationId);
    if (held !== null && held >= plan.version) return held;
    repo.dropAllCapacity(locationId);
    for (const w of plan.weekly) repo.setCapacity(locationId, w.weekday, w.dayPart, w.places);
    for (const e of plan.exceptions) repo.setCapacity(locationId, e.date, e.dayPart, e.places);
    repo.setCaps(locationId, plan.caps ?? []);
    repo.setAllowanceVersion(locationId, plan.version);
    appendAudit(db, now, { action: 'appointments.allowance-applied', aggregateType: 'location', aggregateId: locationId, detail: { version: plan.version } });
    return plan.version;
  });

  /** The central API's outpost bookings of a shop changed after `since`, oldest change first. */
  function feed(locationId: string, since: number, limit: number): { appointments: CentralAppointment[]; cursor: number; more: boolean; allowanceVersion: number | null } {
    const rows = repo.feedSince(locationId, since, limit + 1);
    const page = rows.slice(0, limit);
    return {
      appointments: page.map((r) => ({
        seq: r.seq,
        code: r.code,
        topic: r.topic,
        start: r.start_at,
        end: r.end_at,
        state: r.state === 'cancelled' ? 'cancelled' : 'booked',
        language: r.language,
        firstName: openFirstName(r, 'appointments'),
      })),
      cursor: page.at(-1)?.seq ?? since,
      more: rows.length > limit,
      allowanceVersion: repo.allowanceVersion(locationId),
    };
  }

  /**
   * The hub takes one page of the central API's outpost bookings into its agenda, with the cursor,
   * in one transaction: a pull cut off halfway leaves the page out and asks for it again. A row
   * seen before changes nothing, so pulling twice is harmless. The latest share counts as confirmed
   * once the central API books by it and this was the last page.
   */
  const importCentral = db.transaction(
    (locationId: string, page: { rows: readonly CentralAppointment[]; cursor: number; more: boolean; allowanceVersion: number | null }, now: Date): { added: number; cancelled: number; refused: string[] } => {
      outpostsRow(locationId);
      let added = 0;
      let cancelled = 0;
      const refused: string[] = [];
      for (const row of page.rows) {
        const here = repo.byCode(row.code);
        if (here && (here.location_id !== locationId || here.booked_via !== 'central')) {
          refused.push(row.code);
          continue;
        }
        if (!here) {
          if (row.state === 'cancelled') continue;
          const id = uuidv7();
          const inserted = repo.insertPulled({
            id,
            code: row.code,
            location_id: locationId,
            topic: row.topic,
            start_at: row.start,
            end_at: row.end,
            service_day: serviceDay(new Date(row.start)),
            first_name: seal(row.firstName ?? undefined, 'appointments', 'first_name', id),
            language: row.language,
            booked_via: 'central',
            idempotency_key: `central:${row.code}`,
            booked_at: now.toISOString(),
          });
          if (inserted) {
            added++;
            appendAudit(db, now, { action: 'appointment.pulled', aggregateType: 'appointment', aggregateId: id, detail: { code: row.code, topic: row.topic, start: row.start } });
          }
        } else if (row.state === 'cancelled' && (here.state === 'booked' || here.state === 'checked-in')) {
          cancel(row.code, locationId, now, pulledFromCentral);
          cancelled++;
        }
      }
      repo.setPullCursor(locationId, page.cursor);
      if (!page.more && page.allowanceVersion !== null) repo.confirmPlan(locationId, page.allowanceVersion);
      return { added, cancelled, refused };
    },
  );

  /** Removes first names (and phone numbers an earlier version stored) of appointments and seats whose date passed more than `retentionMs` ago. */
  const purge = (at: Date, retentionMs: number): number =>
    db.transaction(() => {
      const until = new Date(at.getTime() - retentionMs);
      const purged = repo.purgeAppointmentsUntil(until, at) + repo.purgeSeatsUntil(until, at);
      if (purged > 0) appendAudit(db, at, { action: 'appointments.contact-purged', aggregateType: 'agenda', aggregateId: 'agenda', detail: { rows: purged } });
      return purged;
    }).immediate();

  return {
    shopOf,
    freeSlots: (locationId: string, topicId: string, from: string, days: number): Slot[] => {
      const now = deps.now();
      const today = serviceDay(now);
      return freeSlots(locationId, topicId, from < today ? today : from, days, now);
    },
    book: (input: BookRequest): BookOutcome => {
      shopOf(input.locationId);
      return book.immediate(input, deps.now());
    },
    cancel: (code: string, locationId: string, by: string): CancelOutcome => cancel.immediate(code, locationId, deps.now(), by),
    checkIn: (code: string, locationId: string, by: string): CheckInOutcome => checkIn.immediate(code, locationId, deps.now(), by),
    /** Staff check a visitor in: the same rule; an appointment of another day is refused. */
    checkInByStaff: (code: string, locationId: string, staffId: string): AgendaAppointment => {
      const outcome = checkIn.immediate(code, locationId, deps.now(), staffId);
      if (outcome.outcome === 'not-today') throw new CoreError('conflict', `The appointment ${code} is on another day.`);
      return agendaItem(appointmentHere(code, locationId));
    },
    close: (code: string, locationId: string, outcome: 'served' | 'no-show', staffId: string): AgendaAppointment => close.immediate(code, locationId, outcome, deps.now(), staffId),
    rebook: (code: string, locationId: string, start: Date, idempotencyKey: string, staffId: string): BookOutcome => {
      try {
        return rebook.immediate(code, locationId, start, idempotencyKey, deps.now(), staffId);
      } catch (err) {
        if (err instanceof TakenDuringRebook) return { outcome: 'taken', alternatives: err.alternatives };
        throw err;
      }
    },
    today: (locationId: string, day: string): DayAgenda => ({
      day,
      appointments: repo.ofDay(locationId, day).map(agendaItem),
      sessions: (deps.pack()?.sessions ?? []).filter((s) => s.location === locationId && s.date === day).map(agendaSession),
    }),
    sessions: (locationIds: readonly string[], audience: 'location' | 'region' = 'location'): SessionView[] => sessions((id) => locationIds.includes(id), deps.now(), audience),
    /** `servedHere`: the shops whose seats this agenda holds. */
    signUp: (input: SignUpRequest, servedHere: (locationId: string) => boolean): SignUpOutcome => signUp.immediate(input, deps.now(), servedHere),
    attendees: (sessionId: string, locationId: string): SessionAttendees => {
      const session = sessionOf(sessionId);
      if (session.location !== locationId) throw new CoreError('not_found', `There is no group session "${sessionId}" at this shop.`);
      return {
        session: agendaSession(session),
        attendees: repo.seatsOf(sessionId).map((row) => ({ code: row.code, firstName: openFirstName(row, 'session_seats'), state: row.state, signedUpAt: row.signed_up_at })),
      };
    },
    capacity,
    setCapacity: (locationId: string, input: SetCapacityInput, staffId: string): CapacitySetting => setCapacity.immediate(locationId, input, deps.now(), staffId),
    callSource,
    purge,
    /** A checked-in appointment of this shop waits or has been called; anything else tells nothing. */
    turn: (code: string, locationId: string): 'waiting' | 'called' | 'unknown' => {
      const row = repo.byCode(code);
      if (!row || row.location_id !== locationId) return 'unknown';
      return row.state === 'checked-in' ? 'waiting' : row.state === 'called' ? 'called' : 'unknown';
    },
    outpostShare,
    setOutpostShare: (locationId: string, share: number, staffId: string): OutpostShareSetting => setOutpostShare.immediate(locationId, share, deps.now(), staffId),
    offerAllowance: (locationId: string): OutpostAllowance => offerAllowance.immediate(locationId, deps.now()),
    applyAllowance: (locationId: string, plan: OutpostAllowance): number => applyAllowance.immediate(locationId, plan, deps.now()),
    allowanceVersion: (locationId: string): number | null => repo.allowanceVersion(locationId),
    feed,
    /** The cursor of the next pull and whether the central API books by the latest share. */
    pullState: (locationId: string): { cursor: number; planVersion: number; confirmed: boolean } => {
      const row = outpostsRow(locationId);
      return { cursor: row.pull_cursor, planVersion: row.plan_version, confirmed: row.confirmed_version === row.plan_version };
    },
    importCentral: (locationId: string, page: { rows: readonly CentralAppointment[]; cursor: number; more: boolean; allowanceVersion: number | null }) =>
      importCentral.immediate(locationId, page, deps.now()),
  };
}

export type Agenda = ReturnType<typeof createAgenda>;
