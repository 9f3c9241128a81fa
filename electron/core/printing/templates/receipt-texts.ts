import type { LanguageDefinition } from '../../../../shared/contract/languages';
import type { Trajectory } from '../../../../shared/domain/trajectory';

/**
 * The words on the paper, per language. Plain language (B1), "je" in Dutch; every language has
 * every key, so a receipt never falls back to a half-translated mix.
 */
export interface ReceiptTexts {
  copy: string;
  voucherTitle: string;
  finalTitle: string;
  ticketTitle: string;
  yourCode: string;
  trajectory: string;
  provider: string;
  providerLater: string;
  nextTitle: string;
  voucherNext: string;
  finalNext: string;
  qrStatus: string;
  qrCode: string;
  privacy: string;
  topic: string;
  takenAt: string;
  wait: string;
  waitMinutes: (minutes: number) => string;
  waitUnknown: string;
  ticketNext: string;
  trajectories: Record<Trajectory, string>;
}

/** Languages the paper can carry: the printer's code page (PC858) has Latin-1 letters only. */
export type ReceiptLanguage = LanguageDefinition['receipt'];

export const receiptTexts: Record<ReceiptLanguage, ReceiptTexts> = {
  nl: {
    copy: '*** KOPIE ***',
    voucherTitle: 'Aanvraag loopbaanvoucher',
    finalTitle: 'Je loopbaanvoucher is klaar',
    ticketTitle: 'Je nummer',
    yourCode: 'Je code',
    trajectory: 'Traject',
    provider: 'Aanbieder',
    providerLater: 'Die kies je later',
    nextTitle: 'Wat gebeurt er nu?',
    voucherNext:
      'We kijken je aanvraag na. Daarna krijg je bericht. Bewaar deze bon. Noem je code als je contact met ons hebt.',
    finalNext:
      'Maak een afspraak met je aanbieder. Neem deze bon mee. Met je code vindt de aanbieder je voucher.',
    qrStatus: 'Scan de QR-code. Dan zie je hoe het met je aanvraag gaat.',
    qrCode: 'In de QR-code staat alleen je code.',
    privacy: 'Op deze bon staan geen persoonlijke gegevens. Wij gaan zorgvuldig om met je gegevens.',
    topic: 'Onderwerp',
    takenAt: 'Tijd',
    wait: 'Wachttijd',
    waitMinutes: (minutes) => (minutes <= 1 ? 'ongeveer 1 minuut' : `ongeveer ${minutes} minuten`),
    waitUnknown: 'We helpen je zo snel we kunnen',
    ticketNext: 'Kijk op het scherm. Daar zie je wanneer je aan de beurt bent.',
    trajectories: { ontwikkeladvies: 'Ontwikkeladvies', 'loopbaan-apk': 'Loopbaan-APK', opleidingsadvies: 'Opleidingsadvies' },
  },
  en: {
    copy: '*** COPY ***',
    voucherTitle: 'Career voucher request',
    finalTitle: 'Your career voucher is ready',
    ticketTitle: 'Your number',
    yourCode: 'Your code',
    trajectory: 'Programme',
    provider: 'Provider',
    providerLater: 'You choose one later',
    nextTitle: 'What happens next?',
    voucherNext: 'We check your request. Then we let you know. Keep this receipt. Give your code when you contact us.',
    finalNext: 'Make an appointment with your provider. Bring this receipt. Your code lets the provider find your voucher.',
    qrStatus: 'Scan the QR code to see how your request is going.',
    qrCode: 'The QR code only holds your code.',
    privacy: 'This receipt holds no personal details. We handle your details with care.',
    topic: 'Topic',
    takenAt: 'Time',
    wait: 'Waiting time',
    waitMinutes: (minutes) => (minutes <= 1 ? 'about 1 minute' : `about ${minutes} minutes`),
    waitUnknown: 'We will help you as soon as we can',
    ticketNext: 'Watch the screen. It shows when it is your turn.',
    trajectories: { ontwikkeladvies: 'Development advice', 'loopbaan-apk': 'Career check-up', opleidingsadvies: 'Training advice' },
  },
};
