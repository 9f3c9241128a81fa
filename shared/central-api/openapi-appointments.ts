import type { z } from 'zod';
import {
  AgendaSlots,
  AppointmentBooking,
  AppointmentBookingAnswer,
  AppointmentCancellation,
  AppointmentCancellationOrder,
  CentralAppointmentFeed,
  OutpostAllowance,
  OutpostAllowanceAck,
  SeatBooking,
  SeatBookingAnswer,
  SessionList,
} from './appointments';
import type { Problem } from './devices';

/**
 * The agenda part of the central API, for outpost kiosks (docs/appointments.md): its components,
 * examples and paths, kept apart from the rest of openapi.ts so other parts can grow beside it.
 */
export const appointmentComponentSchemas = {
  AgendaSlots,
  AppointmentBooking,
  AppointmentBookingAnswer,
  AppointmentCancellation,
  SessionList,
  SeatBooking,
  SeatBookingAnswer,
  OutpostAllowance,
  OutpostAllowanceAck,
  CentralAppointmentFeed,
  AppointmentCancellationOrder,
} satisfies Record<string, z.ZodType>;

const session = {
  id: 'zwolle-voucher-avond-2027-01',
  title: { nl: 'Informatieavond loopbaanvoucher', en: 'Information evening: the career voucher' },
  description: { nl: 'Wat de voucher is en hoe je hem aanvraagt.', en: 'What the voucher is and how to apply.' },
  locationId: 'zwolle-centrum',
  start: '2027-01-14T18:30:00.000Z',
  end: '2027-01-14T20:00:00.000Z',
  place: 'Grote zaal',
  language: 'nl',
  capacity: 25,
  remaining: 12,
  cancelled: false,
};
const slot = { start: '2027-01-12T09:30:00.000Z', end: '2027-01-12T10:00:00.000Z', topic: 'eerste-gesprek', remaining: 1 };

export const appointmentExamples = {
  agendaSlots: { locationId: 'zwolle-centrum', slots: [slot, { ...slot, start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T10:30:00.000Z', remaining: 2 }] } satisfies z.input<typeof AgendaSlots>,
  appointmentBooking: { topic: 'eerste-gesprek', start: '2027-01-12T10:30:00+01:00', firstName: 'Sanne', language: 'nl' } satisfies z.input<typeof AppointmentBooking>,
  appointmentBooked: {
    outcome: 'booked',
    appointment: { code: 'K7QD-M3XA', locationId: 'zwolle-centrum', topic: 'eerste-gesprek', start: '2027-01-12T09:30:00.000Z', end: '2027-01-12T10:00:00.000Z' },
  } satisfies z.input<typeof AppointmentBookingAnswer>,
  appointmentTaken: { outcome: 'taken', alternatives: [{ ...slot, start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T10:30:00.000Z' }] } satisfies z.input<typeof AppointmentBookingAnswer>,
  appointmentCancelled: { outcome: 'cancelled', kind: 'appointment', code: 'K7QD-M3XA', start: '2027-01-12T09:30:00.000Z' } satisfies z.input<typeof AppointmentCancellation>,
  sessionList: { sessions: [session] } satisfies z.input<typeof SessionList>,
  seatBooking: { language: 'en' } satisfies z.input<typeof SeatBooking>,
  seatBooked: { outcome: 'signed-up', seat: { code: 'M3XA-K7QD', sessionId: session.id, locationId: 'zwolle-centrum', start: session.start } } satisfies z.input<typeof SeatBookingAnswer>,
  seatFull: { outcome: 'full', alternatives: [{ ...session, id: 'zwolle-zorg-2027-02', start: '2027-02-11T18:00:00.000Z', end: '2027-02-11T19:30:00.000Z' }] } satisfies z.input<typeof SeatBookingAnswer>,
  outpostAllowance: {
    version: 3,
    weekly: [
      { weekday: 'monday', dayPart: 'morning', places: 1 },
      { weekday: 'monday', dayPart: 'afternoon', places: 1 },
    ],
    exceptions: [{ date: '2027-01-12', dayPart: 'morning', places: 0 }],
    caps: [{ start: '2027-01-11T09:00:00.000Z', end: '2027-01-11T09:30:00.000Z', places: 0 }],
  } satisfies z.input<typeof OutpostAllowance>,
  outpostAllowanceAck: { version: 3 } satisfies z.input<typeof OutpostAllowanceAck>,
  appointmentFeed: {
    appointments: [
      { seq: 41, code: 'K7QD-M3XA', topic: 'eerste-gesprek', start: '2027-01-12T09:30:00.000Z', end: '2027-01-12T10:00:00.000Z', state: 'booked', language: 'nl', firstName: 'Sanne' },
      { seq: 42, code: 'M3XA-K7QD', topic: 'eerste-gesprek', start: '2027-01-12T10:00:00.000Z', end: '2027-01-12T10:30:00.000Z', state: 'cancelled', language: 'en', firstName: null },
    ],
    cursor: 42,
    more: false,
    allowanceVersion: 3,
  } satisfies z.input<typeof CentralAppointmentFeed>,
  cancellationOrder: { locationId: 'zwolle-centrum', code: 'K7QD-M3XA' } satisfies z.input<typeof AppointmentCancellationOrder>,
  agendaRefused: {
    type: 'https://api.loopbaanwinkel.example/problems/agenda-refused',
    title: 'That time has already passed: choose one of the times offered.',
    status: 422,
    code: 'invalid_input',
    message: 'That time has already passed: choose one of the times offered.',
  } satisfies Problem & { code: string; message: string },
};

type Name = keyof typeof appointmentComponentSchemas | 'Problem';
type Example = keyof typeof appointmentExamples;

/** The agenda paths; `json`, `problem` and the shared responses come from openapi.ts so both parts read alike. */
export function appointmentPaths(parts: {
  json: (schema: Name, example: Example, type?: string) => object;
  problem: (description: string, example: Example) => object;
  idempotencyKey: object;
  unauthorized: object;
}) {
  const location = { name: 'locationId', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' }, example: 'zwolle-centrum' };
  const refused = (what: string) => parts.problem(`${what} (the body's code and message say which; a screen shows it as such).`, 'agendaRefused');
  const booking = (operationId: string, summary: string, request: [Name, Example], created: [Name, Example], full: [Name, Example], parameters: object[]) => ({
    operationId,
    summary,
    parameters: [...parameters, parts.idempotencyKey],
    requestBody: { required: true, ...parts.json(...request) },
    responses: {
      '201': { description: 'Booked; a repeat with the same key gets the same booking.', ...parts.json(...created) },
      '200': { description: 'The last place just went: the next free ones. Nothing was booked.', ...parts.json(...full) },
      '400': parts.problem('The Idempotency-Key header is missing.', 'agendaRefused'),
      '401': parts.unauthorized,
      '404': refused('No such shop or session'),
      '409': refused('The key was used for another booking, or the session is cancelled'),
      '422': refused('A start in the past, on a closing day, outside the opening hours or off the slot grid'),
      '503': parts.problem('No content pack is published, so there are no opening hours to book in.', 'agendaRefused'),
    },
  });
  const hubWrite = (operationId: string, summary: string, parameters: object[], request: [Name, Example], answer: [Name, Example, string], refusals: Record<string, object>) => ({
    operationId,
    summary,
    parameters,
    requestBody: { required: true, ...parts.json(...request) },
    responses: { '200': { description: answer[2], ...parts.json(answer[0], answer[1]) }, '401': parts.unauthorized, ...refusals },
  });
  return {
    '/v1/locations/{locationId}/appointment-slots': {
      get: {
        operationId: 'listAppointmentSlots',
        summary: 'The free slots of a topic at a staffed shop, earliest first, with their remaining places: within opening hours, never on a closing day or in the past.',
        parameters: [
          location,
          { name: 'topic', in: 'query', required: true, schema: { type: 'string' }, example: 'eerste-gesprek' },
          { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' }, example: '2027-01-12' },
          { name: 'days', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 28 }, example: 14 },
        ],
        responses: { '200': { description: 'The free slots.', ...parts.json('AgendaSlots', 'agendaSlots') }, '401': parts.unauthorized, '404': refused('No such shop, or it takes no appointments'), '422': refused('An unknown topic') },
      },
    },
    '/v1/locations/{locationId}/appointments': {
      get: {
        operationId: 'listOutpostBookings',
        summary:
          'For the shop\'s hub: the outpost bookings made or cancelled after the cursor, oldest change first. Pulling again from the same cursor gives the same rows; `allowanceVersion` is the allowance the central API books by now, and every booking made under an older one is in this answer or an earlier one.',
        parameters: [
          location,
          { name: 'since', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, example: 40 },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 }, example: 100 },
        ],
        responses: { '200': { description: 'The changes after the cursor; `more` says another page follows.', ...parts.json('CentralAppointmentFeed', 'appointmentFeed') }, '401': parts.unauthorized, '404': refused('No such shop'), '422': refused('A cursor or limit that is not a whole number in range') },
      },
      post: booking(
        'bookAppointment',
        'Books a slot: the capacity is checked and taken in one transaction; of simultaneous bookings for the last place exactly one gets 201.',
        ['AppointmentBooking', 'appointmentBooking'],
        ['AppointmentBookingAnswer', 'appointmentBooked'],
        ['AppointmentBookingAnswer', 'appointmentTaken'],
        [location],
      ),
    },
    '/v1/locations/{locationId}/appointments/{code}/cancellation': {
      post: {
        operationId: 'cancelAppointment',
        summary: 'Cancels an appointment or a session seat by its code; its contact data goes at once. Cancelling twice answers the same.',
        parameters: [location, { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}$' }, example: 'K7QD-M3XA' }],
        responses: { '200': { description: 'Cancelled.', ...parts.json('AppointmentCancellation', 'appointmentCancelled') }, '401': parts.unauthorized, '404': refused('No such code at this shop'), '409': refused('The appointment already took place') },
      },
    },
    '/v1/locations/{locationId}/outpost-allowance': {
      put: hubWrite(
        'setOutpostAllowance',
        'For the shop\'s hub: the places per day part (weekly, and per date) the central API may give outposts; the hub books only the rest. A newer version replaces the held one, an older or equal one changes nothing; the answer is the version now held.',
        [location],
        ['OutpostAllowance', 'outpostAllowance'],
        ['OutpostAllowanceAck', 'outpostAllowanceAck', 'The version the central API books by now.'],
        { '404': refused('No such shop'), '422': refused('An allowance that does not match the contract') },
      ),
    },
    '/v1/appointment-cancellations': {
      post: hubWrite(
        'cancelOutpostBooking',
        'For the shop\'s hub (from its outbox): the desk cancelled an outpost booking, so the central API frees its place. Cancelling twice answers the same.',
        [parts.idempotencyKey],
        ['AppointmentCancellationOrder', 'cancellationOrder'],
        ['AppointmentCancellation', 'appointmentCancelled', 'Cancelled.'],
        { '404': refused('No such code at this shop'), '409': refused('The appointment already took place') },
      ),
    },
    '/v1/locations/{locationId}/sessions': {
      get: {
        operationId: 'listSessions',
        summary: 'Upcoming group sessions of a shop with their free seats; cancelled ones are listed as cancelled.',
        parameters: [location, { name: 'audience', in: 'query', required: false, schema: { type: 'string', enum: ['location', 'region'] }, example: 'region' }],
        responses: { '200': { description: 'The sessions.', ...parts.json('SessionList', 'sessionList') }, '401': parts.unauthorized },
      },
    },
    '/v1/sessions/{sessionId}/seats': {
      post: booking(
        'signUpForSession',
        'Takes a seat at a group session: checked and taken in one transaction; of simultaneous sign-ups for the last seat exactly one gets 201.',
        ['SeatBooking', 'seatBooking'],
        ['SeatBookingAnswer', 'seatBooked'],
        ['SeatBookingAnswer', 'seatFull'],
        [{ name: 'sessionId', in: 'path', required: true, schema: { type: 'string' }, example: 'zwolle-voucher-avond-2027-01' }],
      ),
    },
  };
}
