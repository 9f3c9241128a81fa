import type { TFunction } from 'i18next';
import type { AccreditationMark } from '../../../../shared/content/pack-schema';

/** How a visitor tells providers apart in a list: town and quality marks, the same on every screen. */
export function providerSummary(provider: { address: { city: string }; marks: readonly AccreditationMark[] }, t: TFunction): string {
  return `${provider.address.city} · ${provider.marks.map((mark) => t(`marks.${mark}`)).join(', ')}`;
}
