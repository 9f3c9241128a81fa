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
};
