import type { Database } from 'better-sqlite3';
import type { AppointmentState, DayPart } from '../../../shared/contract/appointments-channels';
import { perDatabase } from '../store/per-database';

export type BookedVia = 'kiosk' | 'central' | 'desk';

export interface AppointmentRow {
  id: string;
  code: string;
  location_id: string;
  topic: string;
  start_at: string;
  end_at: string;
  service_day: string;
  state: AppointmentState;
  /** Sealed with the field cipher; null when not given or purged. */
  first_name: string | null;
  language: string;
  booked_via: BookedVia;
  idempotency_key: string;
  booked_at: string;
  checked_in_at: string | null;
  as_walk_in: number;
  called_at: string | null;
  /** The staff member who called it: they give its outcome before they call the next visitor. */
  called_by: string | null;
  closed_at: string | null;
  purged_at: string | null;
}

export interface SeatRow {
  id: string;
  code: string;
  session_id: string;
  location_id: string;
  session_start: string;
  state: 'signed-up' | 'cancelled';
  first_name: string | null;
  language: string;
  booked_via: BookedVia;
  idempotency_key: string;
  signed_up_at: string;
  cancelled_at: string | null;
  purged_at: string | null;
}

export interface OutpostsRow {
  location_id: string;
  /** Places of each slot outposts may book, as the location manager set it (never more than the advisers). */
  share: number;
  /** Bumped by every change of the share or the advisers: the allowance the central API must hear of. */
  plan_version: number;
  /** The plan version the central API confirmed in a pull, with every booking made under older ones. */
  confirmed_version: number;
  /**
   * The most places of a slot the central API may book by now: the confirmed share, raised to every
   * share sent to it since (an allowance can land while its answer is lost). 0 before any.
   */
  held_share: number;
  pull_cursor: number;
}

export type NewAppointment = Pick<AppointmentRow, 'id' | 'code' | 'location_id' | 'topic' | 'start_at' | 'end_at' | 'service_day' | 'first_name' | 'language' | 'booked_via' | 'idempotency_key' | 'booked_at'>;
export type NewSeat = Pick<SeatRow, 'id' | 'code' | 'session_id' | 'location_id' | 'session_start' | 'first_name' | 'language' | 'booked_via' | 'idempotency_key' | 'signed_up_at'>;

const appointmentColumns =
  'id, code, location_id, topic, start_at, end_at, service_day, state, first_name, language, booked_via, idempotency_key, booked_at, checked_in_at, as_walk_in, called_at, called_by, closed_at, purged_at';
const seatColumns = 'id, code, session_id, location_id, session_start, state, first_name, language, booked_via, idempotency_key, signed_up_at, cancelled_at, purged_at';

/**
 * The agenda's tables (appointments, appointment_capacity, session_seats, the outposts' and allowances'): the only place
 * their SQL is written. The agenda calls these inside its transactions; statistics read counts.
 */
export const agendaRepo = perDatabase((db: Database) => {
  const byCode = db.prepare<[string], AppointmentRow>(`SELECT ${appointmentColumns} FROM appointments WHERE code = ?`);
  const byId = db.prepare<[string], AppointmentRow>(`SELECT ${appointmentColumns} FROM appointments WHERE id = ?`);
  const byKey = db.prepare<[string], AppointmentRow>(`SELECT ${appointmentColumns} FROM appointments WHERE idempotency_key = ?`);
  // Every appointment still holding its place that could overlap [from, to): it starts before `to` and ends after `from`.
  const holding = db.prepare<[string, string, string], { start_at: string; end_at: string; booked_via: BookedVia }>(
    `SELECT start_at, end_at, booked_via FROM appointments WHERE location_id = ? AND state <> 'cancelled' AND start_at < ? AND end_at > ?`,
  );
  const insert = db.prepare<NewAppointment>(
    `INSERT INTO appointments (id, code, location_id, topic, start_at, end_at, service_day, state, first_name, language, booked_via, idempotency_key, booked_at)
     VALUES (@id, @code, @location_id, @topic, @start_at, @end_at, @service_day, 'booked', @first_name, @language, @booked_via, @idempotency_key, @booked_at)`,
  );
  const ofDay = db.prepare<[string, string], AppointmentRow>(`SELECT ${appointmentColumns} FROM appointments WHERE location_id = ? AND service_day = ? ORDER BY start_at, booked_at`);
  const setState = db.prepare<[AppointmentState, string | null, string]>('UPDATE appointments SET state = ?, closed_at = coalesce(?, closed_at) WHERE id = ?');
  const checkIn = db.prepare<[string, number, string]>(`UPDATE appointments SET state = 'checked-in', checked_in_at = ?, as_walk_in = ? WHERE id = ?`);
  const call = db.prepare<[string, string, string]>(`UPDATE appointments SET state = 'called', called_at = ?, called_by = ? WHERE id = ? AND state = 'checked-in'`);
  const calledBy = db.prepare<[string, string, string], AppointmentRow>(
    `SELECT ${appointmentColumns} FROM appointments WHERE location_id = ? AND service_day = ? AND called_by = ? AND state = 'called' ORDER BY called_at DESC LIMIT 1`,
  );
  const checkedIn = db.prepare<[string, string], AppointmentRow>(
    `SELECT ${appointmentColumns} FROM appointments WHERE location_id = ? AND service_day = ? AND state = 'checked-in' ORDER BY start_at, checked_in_at`,
  );
  const called = db.prepare<[string, string], AppointmentRow>(`SELECT ${appointmentColumns} FROM appointments WHERE location_id = ? AND service_day = ? AND state = 'called' ORDER BY called_at`);
  const purgeAppointments = db.prepare<[string, string]>(
    `UPDATE appointments SET first_name = NULL, phone = NULL, purged_at = ? WHERE purged_at IS NULL AND (first_name IS NOT NULL OR phone IS NOT NULL) AND end_at <= ?`,
  );
  const setFirstName = db.prepare<[string, string]>('UPDATE appointments SET first_name = ? WHERE id = ?');
  const forgetAppointmentContact = db.prepare<[string, string]>('UPDATE appointments SET first_name = NULL, phone = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL');

  const capacityOf = db.prepare<[string], { scope: string; day_part: DayPart; advisers: number }>('SELECT scope, day_part, advisers FROM appointment_capacity WHERE location_id = ?');
  const setCapacity = db.prepare<[string, string, DayPart, number]>(
    'INSERT INTO appointment_capacity (location_id, scope, day_part, advisers) VALUES (?, ?, ?, ?) ON CONFLICT (location_id, scope, day_part) DO UPDATE SET advisers = excluded.advisers',
  );
  const dropCapacity = db.prepare<[string, string, DayPart]>('DELETE FROM appointment_capacity WHERE location_id = ? AND scope = ? AND day_part = ?');

  const seatByCode = db.prepare<[string], SeatRow>(`SELECT ${seatColumns} FROM session_seats WHERE code = ?`);
  const seatByKey = db.prepare<[string], SeatRow>(`SELECT ${seatColumns} FROM session_seats WHERE idempotency_key = ?`);
  const seatsTaken = db.prepare<[string], number>(`SELECT count(*) FROM session_seats WHERE session_id = ? AND state = 'signed-up'`).pluck();
  const insertSeat = db.prepare<NewSeat>(
    `INSERT INTO session_seats (id, code, session_id, location_id, session_start, state, first_name, language, booked_via, idempotency_key, signed_up_at)
     VALUES (@id, @code, @session_id, @location_id, @session_start, 'signed-up', @first_name, @language, @booked_via, @idempotency_key, @signed_up_at)`,
  );
  const seatsOf = db.prepare<[string], SeatRow>(`SELECT ${seatColumns} FROM session_seats WHERE session_id = ? ORDER BY signed_up_at`);
  const cancelSeat = db.prepare<[string, string]>(`UPDATE session_seats SET state = 'cancelled', cancelled_at = ? WHERE id = ?`);
  const purgeSeats = db.prepare<[string, string]>(
    `UPDATE session_seats SET first_name = NULL, phone = NULL, purged_at = ? WHERE purged_at IS NULL AND (first_name IS NOT NULL OR phone IS NOT NULL) AND session_start <= ?`,
  );
  const forgetSeatContact = db.prepare<[string, string]>('UPDATE session_seats SET first_name = NULL, phone = NULL, purged_at = ? WHERE id = ? AND purged_at IS NULL');
  const codeUsed = db.prepare<[string, string], 1>('SELECT 1 FROM appointments WHERE code = ? UNION ALL SELECT 1 FROM session_seats WHERE code = ?');

  const outpostsOf = db.prepare<[string], OutpostsRow>('SELECT location_id, share, plan_version, confirmed_version, held_share, pull_cursor FROM appointment_outposts WHERE location_id = ?');
  const newOutposts = db.prepare<[string, number]>('INSERT INTO appointment_outposts (location_id, share, plan_version) VALUES (?, ?, 1) ON CONFLICT (location_id) DO NOTHING');
  const setShare = db.prepare<[number, string]>('UPDATE appointment_outposts SET share = ?, plan_version = plan_version + 1 WHERE location_id = ?');
  const bumpPlan = db.prepare<[string]>('UPDATE appointment_outposts SET plan_version = plan_version + 1 WHERE location_id = ?');
  const confirmPlan = db.prepare<[number, string, number]>('UPDATE appointment_outposts SET confirmed_version = ?, held_share = share WHERE location_id = ? AND plan_version = ?');
  const offerShare = db.prepare<[string]>('UPDATE appointment_outposts SET held_share = max(held_share, share) WHERE location_id = ?');
  const setPullCursor = db.prepare<[number, string]>('UPDATE appointment_outposts SET pull_cursor = max(pull_cursor, ?) WHERE location_id = ?');
  const allowanceVersion = db.prepare<[string], number>('SELECT plan_version FROM appointment_allowances WHERE location_id = ?').pluck();
  const setAllowanceVersion = db.prepare<[string, number]>(
    'INSERT INTO appointment_allowances (location_id, plan_version) VALUES (?, ?) ON CONFLICT (location_id) DO UPDATE SET plan_version = excluded.plan_version',
  );
  const dropAllCapacity = db.prepare<[string]>('DELETE FROM appointment_capacity WHERE location_id = ?');
  const capsOf = db.prepare<[string], { start_at: string; end_at: string; places: number }>('SELECT start_at, end_at, places FROM appointment_allowance_caps WHERE location_id = ?');
  const dropCaps = db.prepare<[string]>('DELETE FROM appointment_allowance_caps WHERE location_id = ?');
  const insertCap = db.prepare<[string, string, string, number]>(
    'INSERT INTO appointment_allowance_caps (location_id, start_at, end_at, places) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET places = min(places, excluded.places)',
  );
  const appendFeed = db.prepare<[string, string]>('INSERT INTO appointment_feed (appointment_id, location_id) VALUES (?, ?)');
  const feedSince = db.prepare<[string, number, number], AppointmentRow & { seq: number }>(
    `SELECT f.seq, ${appointmentColumns.split(', ').map((c) => `a.${c}`).join(', ')} FROM appointment_feed f JOIN appointments a ON a.id = f.appointment_id WHERE f.location_id = ? AND f.seq > ? ORDER BY f.seq LIMIT ?`,
  );
  const insertPulled = db.prepare<NewAppointment>(
    `INSERT INTO appointments (id, code, location_id, topic, start_at, end_at, service_day, state, first_name, language, booked_via, idempotency_key, booked_at)
     VALUES (@id, @code, @location_id, @topic, @start_at, @end_at, @service_day, 'booked', @first_name, @language, @booked_via, @idempotency_key, @booked_at)
     ON CONFLICT DO NOTHING`,
  );

  const statsOfDay = db.prepare<[string], { topic: string; state: AppointmentState }>('SELECT topic, state FROM appointments WHERE service_day = ?');
  const bookedOn = db.prepare<[string, string], { topic: string }>('SELECT topic FROM appointments WHERE booked_at >= ? AND booked_at < ?');
  const daysBetween = db.prepare<[string, string], string>('SELECT DISTINCT service_day FROM appointments WHERE service_day >= ? AND service_day < ?').pluck();
  const signUpsOn = db.prepare<[string, string], { session_id: string }>('SELECT session_id FROM session_seats WHERE signed_up_at >= ? AND signed_up_at < ?');

  return {
    byCode: (code: string): AppointmentRow | undefined => byCode.get(code),
    byId: (id: string): AppointmentRow | undefined => byId.get(id),
    byKey: (key: string): AppointmentRow | undefined => byKey.get(key),
    /** `central`: booked by an outpost through the central API (at a hub: pulled from there). */
    holdingBetween: (locationId: string, from: Date, to: Date): { start: Date; end: Date; central: boolean }[] =>
      holding.all(locationId, to.toISOString(), from.toISOString()).map((r) => ({ start: new Date(r.start_at), end: new Date(r.end_at), central: r.booked_via === 'central' })),
    insert: (row: NewAppointment): void => void insert.run(row),
    ofDay: (locationId: string, day: string): AppointmentRow[] => ofDay.all(locationId, day),
    setState: (id: string, state: AppointmentState, closedAt: Date | null): void => void setState.run(state, closedAt?.toISOString() ?? null, id),
    checkIn: (id: string, at: Date, asWalkIn: boolean): void => void checkIn.run(at.toISOString(), asWalkIn ? 1 : 0, id),
    /** False when the appointment was not waiting any more. */
    markCalled: (id: string, at: Date, staffId: string): boolean => call.run(at.toISOString(), staffId, id).changes === 1,
    calledBy: (locationId: string, day: string, staffId: string): AppointmentRow | undefined => calledBy.get(locationId, day, staffId),
    checkedIn: (locationId: string, day: string): AppointmentRow[] => checkedIn.all(locationId, day),
    called: (locationId: string, day: string): AppointmentRow[] => called.all(locationId, day),
    /** Contact data of appointments that ended by `until`; returns how many rows lost it. */
    purgeAppointmentsUntil: (until: Date, at: Date): number => purgeAppointments.run(at.toISOString(), until.toISOString()).changes,
    setFirstName: (id: string, sealed: string): void => void setFirstName.run(sealed, id),
    forgetAppointmentContact: (id: string, at: Date): void => void forgetAppointmentContact.run(at.toISOString(), id),

    capacityOf: (locationId: string): { scope: string; day_part: DayPart; advisers: number }[] => capacityOf.all(locationId),
    setCapacity: (locationId: string, scope: string, dayPart: DayPart, advisers: number): void => void setCapacity.run(locationId, scope, dayPart, advisers),
    dropCapacity: (locationId: string, scope: string, dayPart: DayPart): void => void dropCapacity.run(locationId, scope, dayPart),

    seatByCode: (code: string): SeatRow | undefined => seatByCode.get(code),
    seatByKey: (key: string): SeatRow | undefined => seatByKey.get(key),
    seatsTaken: (sessionId: string): number => seatsTaken.get(sessionId) ?? 0,
    insertSeat: (row: NewSeat): void => void insertSeat.run(row),
    seatsOf: (sessionId: string): SeatRow[] => seatsOf.all(sessionId),
    cancelSeat: (id: string, at: Date): void => void cancelSeat.run(at.toISOString(), id),
    purgeSeatsUntil: (until: Date, at: Date): number => purgeSeats.run(at.toISOString(), until.toISOString()).changes,
    forgetSeatContact: (id: string, at: Date): void => void forgetSeatContact.run(at.toISOString(), id),
    codeUsed: (code: string): boolean => codeUsed.get(code, code) !== undefined,

    outposts: (locationId: string): OutpostsRow | undefined => outpostsOf.get(locationId),
    /** The hub's outpost share starts at 0 places: a shop opts in to outposts booking its time. */
    ensureOutposts: (locationId: string): void => void newOutposts.run(locationId, 0),
    setShare: (locationId: string, share: number): void => void setShare.run(share, locationId),
    /** A change of the advisers changes the allowance the central API must hear of. */
    bumpPlan: (locationId: string): void => void bumpPlan.run(locationId),
    confirmPlan: (locationId: string, version: number): void => void confirmPlan.run(version, locationId, version),
    /** The share is about to be sent: from now on the central API may book by it. */
    offerShare: (locationId: string): void => void offerShare.run(locationId),
    setPullCursor: (locationId: string, cursor: number): void => void setPullCursor.run(cursor, locationId),
    allowanceVersion: (locationId: string): number | null => allowanceVersion.get(locationId) ?? null,
    setAllowanceVersion: (locationId: string, version: number): void => void setAllowanceVersion.run(locationId, version),
    dropAllCapacity: (locationId: string): void => void dropAllCapacity.run(locationId),
    capsOf: (locationId: string): { start: Date; end: Date; places: number }[] =>
      capsOf.all(locationId).map((r) => ({ start: new Date(r.start_at), end: new Date(r.end_at), places: r.places })),
    /** The caps of a hub's allowance replace the ones it sent before. */
    setCaps: (locationId: string, caps: readonly { start: string; end: string; places: number }[]): void => {
      dropCaps.run(locationId);
      for (const c of caps) insertCap.run(locationId, new Date(c.start).toISOString(), new Date(c.end).toISOString(), c.places);
    },
    appendFeed: (appointmentId: string, locationId: string): void => void appendFeed.run(appointmentId, locationId),
    feedSince: (locationId: string, since: number, limit: number): (AppointmentRow & { seq: number })[] => feedSince.all(locationId, since, limit),
    /** False when the code or key is already here (pulled before). */
    insertPulled: (row: NewAppointment): boolean => insertPulled.run(row).changes === 1,

    /** The columns statistics may read: topic and state, nothing about the visitor. */
    statsOfDay: (day: string): { topic: string; state: AppointmentState }[] => statsOfDay.all(day),
    bookedBetween: (from: Date, to: Date): { topic: string }[] => bookedOn.all(from.toISOString(), to.toISOString()),
    /** The service days with appointments, from `from` up to but not including `to`. */
    daysBetween: (from: string, to: string): string[] => daysBetween.all(from, to),
    signUpsBetween: (from: Date, to: Date): { session_id: string }[] => signUpsOn.all(from.toISOString(), to.toISOString()),
  };
});

export type AgendaRepo = ReturnType<typeof agendaRepo>;
