import type { LanguageDefinition } from '../../../../shared/contract/languages';
import { Trajectory } from '../../../../shared/domain/trajectory';
import { catalogueGroup, catalogueText, hasCatalogueText } from '../../../../shared/text/catalogue';

/**
 * The words on the paper come from the same i18n catalogue as the screen (shared/text/catalogue.ts).
 *
 * Pattern for a new kind of paper (appointment slip, referral slip, ...): put its paper-only words
 * under "print.paper.<name>" in every locale file and write "{t.<name>}" in its template; every
 * string under print.paper becomes "t.<name>" by itself. A word the screen also shows (a topic, a
 * next step) is NOT copied into print.paper: map the screen's own key in `sharedWithScreen` below,
 * so screen and paper cannot drift apart.
 */
export interface ReceiptTexts {
  /** Every "{t.name}" a template may use. */
  plain: Record<string, string>;
  waitMinutes: (minutes: number) => string;
  trajectories: Record<Trajectory, string>;
  topicLine: (topic: string) => string;
  /** How to cancel an appointment or a seat: with the shop's phone number when it has one. */
  cancelHow: (phone: string | null) => string;
  signedUp: (count: number, capacity: number) => string;
  scanAreas: Record<'R' | 'I' | 'A' | 'S' | 'E' | 'C', string>;
}

/** Template names whose words are the screen's own, by catalogue key. */
const sharedWithScreen = {
  voucherNext: 'voucher.done.step2',
  ticketNext: 'ticket.number.next',
} as const;

/** Languages the paper can carry (`receiptLanguage` in shared/contract/languages.ts): PC858 has Latin-1 letters only. */
export type ReceiptLanguage = LanguageDefinition['receipt'];

export function receiptTexts(language: ReceiptLanguage): ReceiptTexts {
  const plain = catalogueGroup(language, 'print.paper');
  for (const [name, key] of Object.entries(sharedWithScreen)) plain[name] = catalogueText(language, key);
  return {
    plain,
    waitMinutes: (minutes) => catalogueText(language, 'print.paper.waitMinutes', { count: Math.max(1, minutes) }),
    trajectories: Object.fromEntries(Trajectory.options.map((id) => [id, catalogueText(language, `trajectory.${id}.name`)])) as Record<Trajectory, string>,
    topicLine: (topic) => catalogueText(language, 'ticket.number.topic', { topic }),
    cancelHow: (phone) => (phone ? catalogueText(language, 'print.paper.cancelHowPhone', { phone }) : (plain.cancelHow ?? '')),
    signedUp: (count, capacity) => catalogueText(language, 'print.paper.signedUp', { taken: count, capacity }),
    scanAreas: Object.fromEntries((['R', 'I', 'A', 'S', 'E', 'C'] as const).map((area) => [area, catalogueText(language, `print.paper.scanAreas.${area}`)])) as ReceiptTexts['scanAreas'],
  };
}

/** The ticket topic as its button on the screen names it, or null for a topic the screen does not offer. */
export function ticketTopicName(topic: string, language: ReceiptLanguage): string | null {
  return hasCatalogueText(language, `ticket.topics.${topic}`) ? catalogueText(language, `ticket.topics.${topic}`) : null;
}
