import { toCp858Text } from '../../../shared/printing/code-page-858';
import type { PrintDocument } from '../../../shared/printing/print-document';
import { fillTemplate, type Layout } from './layout';
import { receiptTemplates } from './templates/receipt-templates';
import { receiptLanguage, receiptTexts, type ReceiptTexts } from './templates/receipt-texts';

export interface ReceiptContext {
  shopName: string;
  shopAddress?: string;
  /** https URL with "{code}"; without it the QR holds the bare reference code. */
  statusUrl?: string;
  charactersPerLine: number;
}

/** Dutch notation whatever the language (24-11-2026 07:05), in the shop's own time zone. */
const dutchDateTime = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Amsterdam',
});

export function formatDutchDateTime(iso: string): string {
  return dutchDateTime.format(new Date(iso)).replace(',', '');
}

/** The QR holds the reference code, or the public status URL built from it: nothing else. */
export function qrPayloadFor(referenceCode: string, statusUrl: string | undefined): string {
  if (!statusUrl) return referenceCode;
  return statusUrl.replace(/\{code\}|%7Bcode%7D/g, encodeURIComponent(referenceCode));
}

function textValues(texts: ReceiptTexts): Record<string, string> {
  return Object.fromEntries(Object.entries(texts.plain).map(([key, value]) => [`t.${key}`, value]));
}

function documentValues(document: PrintDocument, texts: ReceiptTexts, ctx: ReceiptContext): Record<string, string> {
  switch (document.kind) {
    case 'voucher-receipt':
    case 'final-receipt': {
      const { data } = document;
      const when = document.kind === 'voucher-receipt' ? document.data.requestedAt : document.data.completedAt;
      return {
        referenceCode: data.referenceCode,
        qrPayload: qrPayloadFor(data.referenceCode, ctx.statusUrl),
        qrHint: (ctx.statusUrl ? texts.plain.qrStatus : texts.plain.qrCode) ?? '',
        trajectory: texts.trajectories[data.trajectory],
        provider: data.provider ?? texts.plain.providerLater ?? '',
        dateTime: formatDutchDateTime(when),
      };
    }
    case 'queue-ticket': {
      const { data } = document;
      return {
        ticketNumber: data.ticketNumber,
        topicLine: texts.topicLine(data.topic),
        dateTime: formatDutchDateTime(data.takenAt),
        wait: data.expectedWaitMinutes === null ? (texts.plain.waitUnknown ?? '') : texts.waitMinutes(data.expectedWaitMinutes),
      };
    }
  }
}

/** Fills the document's template in its language for this printer's line width. */
export function composeReceipt(document: PrintDocument, options: { copy: boolean }, ctx: ReceiptContext): Layout {
  const texts = receiptTexts(receiptLanguage(document.language));
  const values: Record<string, string> = {
    ...textValues(texts),
    ...documentValues(document, texts, ctx),
    shopName: ctx.shopName,
    shopAddress: ctx.shopAddress ?? '',
    copyMarker: options.copy ? (texts.plain.copy ?? '') : '',
  };
  for (const key of Object.keys(values)) values[key] = toCp858Text(values[key] ?? '');
  return fillTemplate(receiptTemplates[document.kind], values, ctx.charactersPerLine);
}

/** What the kiosk shows on screen when the paper does not come out. */
export function onScreenCode(document: PrintDocument, statusUrl: string | undefined): { code: string; qrPayload: string | null } {
  if (document.kind === 'queue-ticket') return { code: document.data.ticketNumber, qrPayload: null };
  return { code: document.data.referenceCode, qrPayload: qrPayloadFor(document.data.referenceCode, statusUrl) };
}
