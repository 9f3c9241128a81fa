// First: the request for app.info leaves before the rest of the bundle is evaluated.
import { bridge, firstInfo } from './bridge/boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/kiosk.css';

window.addEventListener('error', (event) => {
  void bridge.call('app.reportError', { screen: 'renderer', message: String(event.message).slice(0, 500) || 'error' }).catch(() => undefined);
});

const i18n = await initI18n('nl');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App bridge={bridge} i18n={i18n} firstInfo={firstInfo} />
      </I18nextProvider>
    </StrictMode>,
  );
}
