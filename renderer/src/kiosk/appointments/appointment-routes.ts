import type { BookedAppointment, CheckInResult } from '../../../../shared/contract/appointments-channels';
import type { SeatBooked } from '../../../../shared/contract/sessions-channels';

/**
 * The steps of making an appointment, signing up for a session and checking in. Each step carries
 * the choices made before it, so "back" returns to the previous choice as it was, and the idle
 * wipe takes them with the navigation stack.
 */
export type AppointmentRoute =
  | { screen: 'appointment'; step: 'topic' }
  | { screen: 'appointment'; step: 'location'; topic: string }
  | { screen: 'appointment'; step: 'day'; topic: string; locationId: string }
  | { screen: 'appointment'; step: 'time'; topic: string; locationId: string; day: string }
  | { screen: 'appointment'; step: 'contact'; topic: string; locationId: string; start: string }
  | { screen: 'appointment'; step: 'done'; booked: BookedAppointment };

export type SessionsRoute =
  | { screen: 'sessions'; step: 'list' }
  | { screen: 'sessions'; step: 'contact'; sessionId: string }
  | { screen: 'sessions'; step: 'done'; seat: SeatBooked };

export type CheckInRoute =
  | { screen: 'checkin'; step: 'code' }
  | { screen: 'checkin'; step: 'done'; result: Extract<CheckInResult, { outcome: 'checked-in' }> };
