import type { InterestArea } from '../../../../shared/self-scan/riasec';
import type { AppointmentRoute, CheckInRoute, SessionsRoute } from '../appointments/appointment-routes';

/** Every place a visitor can be. The route lives in memory only: the address bar never changes. */
export type VoucherStep = 'trajectory' | 'provider' | 'contact' | 'consent' | 'check' | 'done';

export type InformationView =
  | { view: 'menu' }
  | { view: 'topic'; id: string }
  | { view: 'page'; id: string }
  | { view: 'providers' }
  | { view: 'provider'; id: string }
  | { view: 'schemes' }
  | { view: 'scheme'; id: string }
  | { view: 'work' }
  | { view: 'search' };

export type Route =
  | { screen: 'welcome' }
  | { screen: 'home' }
  | ({ screen: 'information' } & InformationView)
  | { screen: 'eligibility'; step: 'start' }
  | { screen: 'eligibility'; step: 'question'; question: string }
  | { screen: 'eligibility'; step: 'result' }
  | { screen: 'voucher'; step: VoucherStep }
  /** `scanAreas`: the self-scan's strongest areas, when the visitor came from its result to talk about them. */
  | { screen: 'ticket'; step: 'topic'; scanAreas?: InterestArea[] }
  | { screen: 'ticket'; step: 'number' }
  | AppointmentRoute
  | SessionsRoute
  | CheckInRoute
  | { screen: 'selfScan'; step: 'intro' }
  | { screen: 'selfScan'; step: 'statement'; index: number }
  | { screen: 'selfScan'; step: 'result' }
  | { screen: 'feedback' }
  | { screen: 'invitation'; step: 'code' | 'welcome' };

export type ScreenName = Route['screen'];
