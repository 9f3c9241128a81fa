import { pickText } from '../../../shared/content/localized-text';
import type { ContentPack } from '../../../shared/content/pack-schema';
import type { DisplayNames } from './printing-service';

/**
 * Provider and topic names for receipts from the active content pack, read at print time so a
 * new pack's names print without a restart. Without a pack, or for an id the pack lacks, the
 * printing service prints the id readably instead ("werk-zoeken" as "Werk zoeken").
 */
export function packDisplayNames(activePack: () => ContentPack | null): Partial<DisplayNames> {
  return {
    provider: (id) => activePack()?.providers.find((p) => p.id === id)?.name ?? id,
    topic: (id, language) => {
      const topic = activePack()?.topics.find((t) => t.id === id);
      return topic ? pickText(topic.title, language) : id;
    },
    // The welcome screen shows the pack's address; a config without one must not leave the paper blank.
    shopAddress: (locationId) => {
      const address = activePack()?.locations.find((l) => l.id === locationId)?.address;
      return address ? `${address.street}, ${address.postcode} ${address.city}` : undefined;
    },
  };
}
