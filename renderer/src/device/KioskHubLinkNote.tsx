import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubLink } from '../../../shared/hub/hub-link';
import type { Bridge } from '../bridge/bridge-client';

/**
 * One quiet line for the staff member a visitor called to the kiosk: when the kiosk cannot hand its
 * tickets and requests to the counter, and why (the kiosk's own words for IT). Not shown on any
 * visitor screen: it sits in the "ask a staff member" dialog, read once when it opens.
 */
export function KioskHubLinkNote({ bridge }: { bridge: Bridge }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<HubLink | null>(null);
  useEffect(() => {
    let open = true;
    bridge.call('sync.status', {}).then(
      (status) => open && setLink(status.hubLink ?? null),
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, [bridge]);
  if (!link || link.state === 'ok' || link.state === 'unknown') return null;
  return (
    <p className="device-hub-link" data-testid="kiosk-hub-link">
      {t('device.hubLink.text')} <span lang="en">({link.state}: {link.reason})</span>
    </p>
  );
}
