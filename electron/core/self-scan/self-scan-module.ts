import type { ContentPack } from '../../../shared/content/pack-schema';
import { pickText } from '../../../shared/content/localized-text';
import type { selfScanChannels } from '../../../shared/contract/self-scan-channels';
import { encodeTakeHome, matchOccupations } from '../../../shared/self-scan/explore';
import { scoreScan } from '../../../shared/self-scan/riasec';
import type { PrintDocument } from '../../../shared/printing/print-document';
import type { PrintJobSummary } from '../../../shared/printing/print-job';
import type { HandlersFor } from '../bridge/handlers';
import type { Clock } from '../clock/clock';
import { receiptLanguage } from '../../../shared/contract/languages';
import type { Capability } from '../composition/capability';
import { CoreError } from '../errors';

export interface SelfScanModule extends Capability {
  readonly handlers: HandlersFor<typeof selfScanChannels>;
}

/**
 * The career self-scan: statements and occupations come from the content pack, the scoring is the
 * pure function in shared/self-scan. The screen sends its answers once and gets the result; the
 * core keeps nothing, so there is nothing to wipe and nothing in the statistics about a person.
 */
export function createSelfScanModule(deps: { pack: () => ContentPack | null; locationId: string; clock: Clock; print: (document: PrintDocument) => PrintJobSummary }): SelfScanModule {
  const scan = (): ContentPack => {
    const pack = deps.pack();
    if (!pack || pack.selfScan.length === 0) throw new CoreError('unavailable', 'The self-scan is not available on this device.');
    return pack;
  };
  const handlers: SelfScanModule['handlers'] = {
      'scan.statements': ({ language }) => ({
        statements: scan().selfScan.map((s) => ({ id: s.id, text: pickText(s.text, language), pictogram: s.pictogram })),
      }),
      'scan.result': ({ language, answers, ...input }) => {
        const pack = scan();
        // The kiosk's own region unless the screen names one: the figures are the shop's region's.
        const region = input.region ?? pack.locations.find((l) => l.id === deps.locationId)?.region;
        if (region && !pack.regions.some((r) => r.slug === region)) throw new CoreError('invalid_input', `Unknown region "${region}".`);
        const { strongest } = scoreScan(pack.selfScan, answers);
        const market = region ? pack.labourMarket.find((m) => m.region === region) : undefined;
        const matches = matchOccupations(pack.occupations, strongest, market);
        const byId = new Map(pack.occupations.map((o) => [o.id, o]));
        const occupations = matches.flatMap((m) => {
          const o = byId.get(m.id);
          return o ? [{ id: o.id, name: pickText(o.name, language), interests: o.interests, trainingLevel: o.trainingLevel, growing: m.growing }] : [];
        });
        const providers = strongest.length === 0 ? [] : pack.providers
          .filter((p) => p.services.includes('opleidingsadvies') && (!region || p.regions.includes(region)))
          .slice(0, 3)
          .map((p) => ({ id: p.id, name: p.name, ...(p.phone ? { phone: p.phone } : {}) }));
        return { strongest, occupations, providers, sampleFigures: market?.sample ?? false, takeHome: encodeTakeHome(strongest, occupations.map((o) => o.id)) };
      },
      'scan.print': async ({ language, answers }, ctx) => {
        // The paper's code page has Latin letters only: Arabic visitors get English paper, like every receipt.
        const paper = receiptLanguage(language);
        const result = await handlers['scan.result']({ language: paper, answers }, ctx);
        const [first, ...rest] = result.strongest;
        if (!first) throw new CoreError('invalid_input', 'Every answer was "no": there is nothing to print.');
        return deps.print({
          kind: 'scan-slip',
          language: paper,
          data: { areas: [first, ...rest], occupations: result.occupations.map((o) => o.name), takeHome: result.takeHome, printedAt: deps.clock.now().toISOString() },
        });
      },
  };
  return { name: 'self-scan', handlers };
}
