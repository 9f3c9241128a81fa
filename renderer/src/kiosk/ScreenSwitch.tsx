import { AppointmentFlow } from './appointments/AppointmentFlow';
import { CheckInFlow } from './appointments/CheckInFlow';
import { EligibilityFlow } from './eligibility/EligibilityFlow';
import { InformationScreen } from './information/InformationScreens';
import type { Route } from './navigation/routes';
import { FeedbackScreen } from './feedback/FeedbackScreen';
import { HomeScreen } from './screens/HomeScreen';
import { InvitationFlow } from './invitation/InvitationFlow';
import { SelfScanFlow } from './self-scan/SelfScanFlow';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { SessionsFlow } from './sessions/SessionsFlow';
import { TicketFlow } from './ticket/TicketFlow';
import { VoucherFlow } from './voucher/VoucherFlow';

export function ScreenSwitch({ route }: { route: Route }) {
  switch (route.screen) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'home':
      return <HomeScreen />;
    case 'voucher':
      return <VoucherFlow step={route.step} />;
    case 'information':
      return <InformationScreen {...route} />;
    case 'eligibility':
      return <EligibilityFlow {...route} />;
    case 'ticket':
      return <TicketFlow {...route} />;
    case 'appointment':
      return <AppointmentFlow route={route} />;
    case 'sessions':
      return <SessionsFlow route={route} />;
    case 'checkin':
      return <CheckInFlow route={route} />;
    case 'selfScan':
      return <SelfScanFlow {...route} />;
    case 'feedback':
      return <FeedbackScreen />;
    case 'invitation':
      return <InvitationFlow step={route.step} />;
  }
}
