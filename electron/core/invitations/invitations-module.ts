import type { ContentPack } from '../../../shared/content/pack-schema';
import { pickText } from '../../../shared/content/localized-text';
import type { invitationsChannels } from '../../../shared/contract/invitations-channels';
import { checkInvitationCode } from '../../../shared/invitations/check-code';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import type { Capability } from '../composition/capability';
import { dutchCalendarDay } from '../eligibility/eligibility-handlers';
import type { Logger } from '../log/logger';
import { serviceDay } from '../requests/service-day';
import type { DeviceStore } from '../store/open-device-store';
import { invitationVisits } from './invitation-visits';

export interface InvitationsModule extends Capability {
  readonly handlers: HandlersFor<typeof invitationsChannels>;
}

/**
 * Invitation letters. The screen only passes on what was typed, scanned or read from the camera;
 * this module decides. A valid code is counted for its campaign and day (never the code itself),
 * when there is a database; a kiosk without one still greets the visitor.
 */
export function createInvitationsModule(deps: { pack: () => ContentPack | null; locationId: string; store: DeviceStore | null; clock: Clock; logger: Logger }): InvitationsModule {
  return {
    name: 'invitations',
    handlers: {
      'invitation.check': ({ code, language }) => {
        const pack = deps.pack();
        const region = pack?.locations.find((l) => l.id === deps.locationId)?.region ?? null;
        const now = deps.clock.now();
        const result = checkInvitationCode(pack?.campaigns ?? [], code, region, dutchCalendarDay(now));
        if (result.status !== 'valid') return { status: result.status };
        const { campaign } = result;
        if (deps.store) {
          try {
            invitationVisits(deps.store.db).count(serviceDay(now), campaign.id);
          } catch (err) {
            // A count that cannot be written must not turn a visitor away at the door.
            deps.logger.warn('an invitation visit could not be counted', { error: err instanceof Error ? err.message : 'unknown' });
          }
        }
        return { status: 'valid', campaign: campaign.id, welcome: pickText(campaign.welcome, language), paths: campaign.paths, preAnswers: campaign.preAnswers };
      },
    },
  };
}
