import type { Route } from '../navigation/routes';
import type { PictogramName } from '../pictograms/Pictogram';

export interface Task {
  icon: PictogramName;
  /** The i18n key of the task's name: the words of the home tile that starts it, so the visitor sees what they tapped. */
  title: string;
  /** Whether the walk-in queue is worth showing here: where a visitor weighs talking to someone. */
  queue: boolean;
}

const informationIcons: Record<string, PictogramName> = { providers: 'providers', provider: 'providers', schemes: 'money', scheme: 'money', work: 'chart', search: 'search' };

/** Where the visitor is, for the top of the screen: one task per route, whatever the step. */
export function taskOf(route: Route): Task {
  switch (route.screen) {
    case 'welcome':
      return { icon: 'career', title: 'where.welcome', queue: true };
    case 'home':
      return { icon: 'home', title: 'toolbar.home', queue: true };
    case 'information':
      return { icon: informationIcons[route.view] ?? 'info', title: 'home.information', queue: false };
    case 'eligibility':
      return { icon: 'check', title: 'home.eligibility', queue: route.step === 'result' };
    case 'voucher':
      return { icon: 'voucher', title: 'home.voucher', queue: false };
    case 'ticket':
      return { icon: 'talk', title: 'home.talk', queue: true };
    case 'appointment':
      return { icon: 'ticket', title: 'appointments.home.title', queue: false };
    case 'sessions':
      return { icon: 'people', title: 'sessions.home.title', queue: false };
    case 'checkin':
      return { icon: 'building', title: 'appointments.checkIn.homeTitle', queue: true };
    case 'selfScan':
      return { icon: 'career', title: 'selfScan.home.title', queue: false };
    case 'feedback':
      return { icon: 'face-good', title: 'where.feedback', queue: false };
    case 'invitation':
      return { icon: 'contact', title: 'invitation.home.title', queue: false };
  }
}
