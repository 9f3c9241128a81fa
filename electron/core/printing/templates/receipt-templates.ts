import type { PrintDocumentKind } from '../../../../shared/printing/print-document';
import type { Template, TemplateBlock } from '../layout';

const header: TemplateBlock[] = [
  { type: 'text', text: '{shopName}', align: 'center', size: 2, bold: true },
  { type: 'text', text: '{shopAddress}', align: 'center', when: 'shopAddress' },
  { type: 'text', text: '{copyMarker}', align: 'center', size: 2, bold: true, when: 'copyMarker' },
  { type: 'rule' },
];

const privacyFooter: TemplateBlock[] = [{ type: 'rule' }, { type: 'text', text: '{t.privacy}' }, { type: 'feed', lines: 1 }, { type: 'cut' }];

const codeAndQr: TemplateBlock[] = [
  { type: 'text', text: '{t.yourCode}', align: 'center' },
  { type: 'text', text: '{referenceCode}', align: 'center', size: 3, bold: true },
  { type: 'qr', payload: '{qrPayload}' },
  { type: 'text', text: '{qrHint}', align: 'center' },
  { type: 'rule' },
];

/** A slip's code, big, and its QR holding the code alone: the visitor scans it at the kiosk to check in. */
const slipCode: TemplateBlock[] = [
  { type: 'text', text: '{t.yourCode}', align: 'center' },
  { type: 'text', text: '{code}', align: 'center', size: 3, bold: true },
  { type: 'qr', payload: '{code}' },
  { type: 'text', text: '{t.arrive}', align: 'center' },
  { type: 'rule' },
];

/** How to cancel, at the foot of both slips: a freed place can go to someone else. */
const cancelFooter: TemplateBlock[] = [
  { type: 'feed', lines: 1 },
  { type: 'text', text: '{t.cancelTitle}', bold: true },
  { type: 'text', text: '{cancelHow}' },
  ...privacyFooter,
];

/** An appointment's or a seat's time and place, then its code: the same on both slips. */
const whenWhereAndCode: TemplateBlock[] = [
  { type: 'feed', lines: 1 },
  { type: 'text', text: '{t.when}:', bold: true },
  { type: 'text', text: '{when}', size: 2, bold: true },
  { type: 'text', text: '{t.where}:', bold: true },
  { type: 'text', text: '{place}' },
  { type: 'feed', lines: 1 },
  ...slipCode,
];

/** The receipt a visitor takes home after starting a request and after completing it: one layout, its own title and next step. */
function requestReceipt(titleKey: string, nextKey: string): Template {
  return [
    ...header,
    { type: 'text', text: `{t.${titleKey}}`, align: 'center', bold: true },
    { type: 'text', text: '{dateTime}', align: 'center' },
    { type: 'feed', lines: 1 },
    ...codeAndQr,
    { type: 'text', text: '{t.trajectory}: {trajectory}' },
    { type: 'text', text: '{t.provider}: {provider}' },
    { type: 'feed', lines: 1 },
    { type: 'text', text: '{t.nextTitle}', bold: true },
    { type: 'text', text: `{t.${nextKey}}` },
    ...privacyFooter,
  ];
}

/** One partner's block on a referral slip; a slip names up to three, an empty slot prints nothing. */
const partnerSlot = (n: number): TemplateBlock[] => [
  { type: 'text', text: `{p${n}Name}`, bold: true, when: `p${n}Name` },
  { type: 'text', text: `{p${n}HelpsWith}`, when: `p${n}Name` },
  { type: 'text', text: `{p${n}Address}`, when: `p${n}Name` },
  { type: 'text', text: `{p${n}Phone}`, when: `p${n}Phone` },
  { type: 'text', text: `{p${n}Hours}`, when: `p${n}Name` },
  { type: 'text', text: '{t.referralBring}: ' + `{p${n}Bring}`, when: `p${n}Name` },
  { type: 'text', text: `{p${n}Appointment}`, when: `p${n}Name` },
  { type: 'feed', lines: 1 },
];

/** One layout per kind of paper; the words come from the i18n catalogue through receipt-texts.ts, the facts from the job. */
export const receiptTemplates: Record<PrintDocumentKind, Template> = {
  'voucher-receipt': requestReceipt('voucherTitle', 'voucherNext'),
  'final-receipt': requestReceipt('finalTitle', 'finalNext'),
  'queue-ticket': [
    ...header,
    { type: 'text', text: '{t.ticketTitle}', align: 'center' },
    { type: 'text', text: '{ticketNumber}', align: 'center', size: 4, bold: true },
    { type: 'feed', lines: 1 },
    { type: 'text', text: '{topicLine}' },
    { type: 'text', text: '{t.takenAt}: {dateTime}' },
    { type: 'text', text: '{t.wait}: {wait}' },
    { type: 'feed', lines: 1 },
    { type: 'text', text: '{t.ticketNext}' },
    { type: 'feed', lines: 1 },
    { type: 'cut' },
  ],
  'appointment-slip': [
    ...header,
    { type: 'text', text: '{t.appointmentTitle}', align: 'center', bold: true },
    { type: 'text', text: '{topic}', align: 'center' },
    ...whenWhereAndCode,
    { type: 'text', text: '{t.bring}:', bold: true },
    { type: 'text', text: '{whatToBring}' },
    ...cancelFooter,
  ],
  'seat-slip': [
    ...header,
    { type: 'text', text: '{t.seatTitle}', align: 'center', bold: true },
    { type: 'text', text: '{session}', align: 'center', bold: true },
    ...whenWhereAndCode,
    { type: 'text', text: '{t.seatNext}' },
    ...cancelFooter,
  ],
  'attendee-list': [
    ...header,
    { type: 'text', text: '{t.attendeeTitle}', align: 'center', bold: true },
    { type: 'text', text: '{session}', align: 'center', bold: true },
    { type: 'text', text: '{when}', align: 'center' },
    { type: 'text', text: '{place}', align: 'center' },
    { type: 'text', text: '{taken}', align: 'center' },
    { type: 'rule' },
    { type: 'text', text: '{attendeeLines}' },
    { type: 'rule' },
    { type: 'text', text: '{t.staffOnly}' },
    { type: 'feed', lines: 1 },
    { type: 'cut' },
  ],
  'referral-slip': [
    ...header,
    { type: 'text', text: '{t.referralTitle}', align: 'center', bold: true },
    { type: 'text', text: '{dateTime}', align: 'center' },
    { type: 'text', text: '{t.referralIntro}' },
    { type: 'rule' },
    ...partnerSlot(1),
    ...partnerSlot(2),
    ...partnerSlot(3),
    { type: 'text', text: '{t.referralSample}', when: 'sample' },
    ...privacyFooter,
  ],
  'scan-slip': [
    ...header,
    { type: 'text', text: '{t.scanTitle}', align: 'center', bold: true },
    { type: 'text', text: '{dateTime}', align: 'center' },
    { type: 'text', text: '{t.scanExplore}' },
    { type: 'rule' },
    { type: 'text', text: '{area1}', bold: true, when: 'area1' },
    { type: 'text', text: '{area2}', bold: true, when: 'area2' },
    { type: 'text', text: '{area3}', bold: true, when: 'area3' },
    { type: 'feed', lines: 1 },
    { type: 'text', text: '{t.scanOccupations}:', when: 'occupations' },
    { type: 'text', text: '{occupations}', when: 'occupations' },
    { type: 'qr', payload: '{takeHome}' },
    { type: 'text', text: '{t.scanQr}', align: 'center' },
    ...privacyFooter,
  ],
};
