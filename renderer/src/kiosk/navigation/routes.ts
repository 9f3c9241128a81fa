/** Every place a visitor can be. The route lives in memory only: the address bar never changes. */
export type VoucherStep = 'trajectory' | 'provider' | 'contact' | 'consent' | 'check' | 'done';
export const voucherSteps: readonly VoucherStep[] = ['trajectory', 'provider', 'contact', 'consent', 'check'];

export type Route =
  | { screen: 'welcome' }
  | { screen: 'home' }
  | { screen: 'information' }
  | { screen: 'eligibility'; step: 'start' }
  | { screen: 'eligibility'; step: 'question'; question: string }
  | { screen: 'eligibility'; step: 'result' }
  | { screen: 'voucher'; step: VoucherStep }
  | { screen: 'ticket'; step: 'topic' | 'number' };

export type ScreenName = Route['screen'];
