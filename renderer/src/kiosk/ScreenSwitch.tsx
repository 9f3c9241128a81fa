import { useTranslation } from 'react-i18next';
import { EligibilityFlow } from './eligibility/EligibilityFlow';
import type { Route } from './navigation/routes';
import { HomeScreen } from './screens/HomeScreen';
import { UnavailableScreen } from './screens/UnavailableScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { TicketFlow } from './ticket/TicketFlow';
import { VoucherFlow } from './voucher/VoucherFlow';

export function ScreenSwitch({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.screen) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'home':
      return <HomeScreen />;
    case 'voucher':
      return <VoucherFlow step={route.step} />;
    case 'information':
      return <UnavailableScreen screen="information" title={t('home.information')} />;
    case 'eligibility':
      return <EligibilityFlow {...route} />;
    case 'ticket':
      return <TicketFlow step={route.step} />;
  }
}
