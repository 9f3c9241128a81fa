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
  appointmentTitle: string;
  seatTitle: string;
  attendeeTitle: string;
  when: string;
  where: string;
  bring: string;
  arrive: string;
  cancelTitle: string;
  cancelHow: (phone: string | null) => string;
  seatNext: string;
  signedUp: (count: number, capacity: number) => string;
  noFirstName: string;
  staffOnly: string;
  referralTitle: string;
  referralIntro: string;
  referralBring: string;
  referralAppointment: string;
  referralWalkIn: string;
  referralSample: string;
  scanTitle: string;
  scanExplore: string;
  scanOccupations: string;
  scanQr: string;
  scanAreas: Record<'R' | 'I' | 'A' | 'S' | 'E' | 'C', string>;
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
    appointmentTitle: 'Je afspraak',
    seatTitle: 'Je plaats bij de bijeenkomst',
    attendeeTitle: 'Deelnemerslijst',
    when: 'Wanneer',
    where: 'Waar',
    bring: 'Neem mee',
    arrive: 'Kom je? Scan deze code bij de zuil of typ hem in. Dan weten we dat je er bent en roepen we je op tijd.',
    cancelTitle: 'Kun je niet komen?',
    cancelHow: (phone) => (phone ? `Zeg af bij de zuil met je code, of bel ${phone}. Dan kan iemand anders die tijd krijgen.` : 'Zeg af bij de zuil met je code. Dan kan iemand anders die tijd krijgen.'),
    seatNext: 'Kom op tijd. Noem je code bij de ingang.',
    signedUp: (count, capacity) => `${count} van ${capacity} plaatsen bezet`,
    noFirstName: '(geen naam)',
    staffOnly: 'Alleen voor medewerkers. Gooi deze lijst na de bijeenkomst in de papierversnipperaar.',
    referralTitle: 'Wie kan je nog meer helpen?',
    referralIntro: 'Deze organisaties helpen je verder. Neem deze bon mee.',
    referralBring: 'Neem mee',
    referralAppointment: 'Maak eerst een afspraak.',
    referralWalkIn: 'Je kunt zonder afspraak langskomen.',
    referralSample: 'Let op: dit zijn voorbeeldgegevens.',
    scanTitle: 'Dit doe je graag',
    scanExplore: 'Dit is een begin om verder te kijken, geen advies.',
    scanOccupations: 'Beroepen om te bekijken',
    scanQr: 'In de QR-code staan alleen de letters van je interesses en de beroepen.',
    scanAreas: { R: 'Doen en maken', I: 'Onderzoeken', A: 'Creatief zijn', S: 'Helpen', E: 'Ondernemen', C: 'Ordenen' },
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
    appointmentTitle: 'Your appointment',
    seatTitle: 'Your place at the session',
    attendeeTitle: 'Attendee list',
    when: 'When',
    where: 'Where',
    bring: 'Bring',
    arrive: 'When you arrive, scan this code at the kiosk or type it in. Then we know you are here and call you on time.',
    cancelTitle: 'Cannot come?',
    cancelHow: (phone) => (phone ? `Cancel at the kiosk with your code, or call ${phone}. Then someone else can have that time.` : 'Cancel at the kiosk with your code. Then someone else can have that time.'),
    seatNext: 'Please be on time. Give your code at the door.',
    signedUp: (count, capacity) => `${count} of ${capacity} places taken`,
    noFirstName: '(no name)',
    staffOnly: 'For staff only. Shred this list after the session.',
    referralTitle: 'Who else can help you?',
    referralIntro: 'These organisations can help you further. Take this slip with you.',
    referralBring: 'Bring',
    referralAppointment: 'Make an appointment first.',
    referralWalkIn: 'You can come without an appointment.',
    referralSample: 'Note: these are sample details.',
    scanTitle: 'What you like to do',
    scanExplore: 'This is a start to look further, not advice.',
    scanOccupations: 'Jobs to look at',
    scanQr: 'The QR code only holds the letters of your interests and the jobs.',
    scanAreas: { R: 'Doing and making', I: 'Finding out', A: 'Being creative', S: 'Helping', E: 'Leading', C: 'Organising' },
  },
};
