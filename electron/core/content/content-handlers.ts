import type { DeviceConfig } from '../../../shared/config/device-config';
import type { contentChannels } from '../../../shared/contract/content-channels';
import type { HandlersFor } from '../bridge/handlers';
import { CoreError } from '../errors';
import { pagesOfTopic, providersMatching, regionsByName, schemesInOrder, topicsInOrder } from './content-queries';
import type { ContentService } from './content-service';

const notFound = (what: string, id: string) => new CoreError('not_found', `There is no ${what} "${id}" in the content on this device.`);

export function createContentHandlers(content: ContentService, config: DeviceConfig): HandlersFor<typeof contentChannels> {
  return {
    'content.version': () => content.manifest(),
    'content.topics': () => topicsInOrder(content.pack()),
    'content.pages': ({ topic, region }) => pagesOfTopic(content.pack(), topic, region),
    'content.page': ({ id }) => {
      const page = content.pack().pages.find((p) => p.id === id);
      if (!page) throw notFound('page', id);
      return page;
    },
    'content.regions': () => regionsByName(content.pack()),
    'content.providers': (filter) => providersMatching(content.pack(), filter),
    'content.provider': ({ id }) => {
      const provider = content.pack().providers.find((p) => p.id === id);
      if (!provider) throw notFound('provider', id);
      return provider;
    },
    'content.schemes': () => schemesInOrder(content.pack()),
    'content.labourMarket': ({ region }) => {
      const pack = content.pack();
      const info = pack.regions.find((r) => r.slug === region);
      const figures = pack.labourMarket.find((m) => m.region === region);
      if (!info || !figures) throw notFound('labour-market information for region', region);
      return { region: info, figures };
    },
    'content.location': () => content.pack().locations.find((l) => l.id === config.location.id) ?? null,
    'content.search': ({ query, language, region, limit }) => content.search(query, { language, region, limit }),
  };
}
