import { spokenDateTime } from '../../../shared/appointments/spoken-date';
import { toCp858Text } from '../../../shared/printing/code-page-858';
import type { PrintDocument } from '../../../shared/printing/print-document';
import { fillTemplate, type Layout } from './layout';
import { receiptTemplates } from './templates/receipt-templates';
import { receiptLanguage } from '../../../shared/contract/languages';
import { receiptTexts, type ReceiptTexts } from './templates/receipt-texts';

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
    case 'appointment-slip': {
      const { data } = document;
      return {
        code: data.code,
        topic: data.topic,
        when: spokenDateTime(data.start, receiptLanguage(document.language)),
        place: `${data.shopName}\n${data.shopAddress}`,
        whatToBring: data.whatToBring,
        cancelHow: texts.cancelHow(data.shopPhone),
      };
    }
    case 'seat-slip': {
      const { data } = document;
      return {
        code: data.code,
        session: data.session,
        when: spokenDateTime(data.start, receiptLanguage(document.language)),
        place: `${data.place}\n${data.shopName}\n${data.shopAddress}`,
        cancelHow: texts.cancelHow(data.shopPhone),
      };
    }
    case 'attendee-list': {
      const { data } = document;
      return {
        session: data.session,
        when: spokenDateTime(data.start, receiptLanguage(document.language)),
        place: data.place,
        taken: texts.signedUp(data.attendees.length, data.capacity),
        attendeeLines: data.attendees.map((a, i) => `${i + 1}. ${a.code} ${a.firstName ?? (texts.plain.noFirstName ?? '-')}`).join('\n') || '-',
      };
    }
    case 'referral-slip': {
      const { data } = document;
      const values: Record<string, string> = { dateTime: formatDutchDateTime(data.printedAt), sample: data.sample ? 'yes' : '' };
      data.partners.forEach((p, i) => {
        const n = i + 1;
        Object.assign(values, {
          [`p${n}Name`]: p.name,
          [`p${n}HelpsWith`]: p.helpsWith,
          [`p${n}Address`]: p.address,
          [`p${n}Phone`]: p.phone ?? '',
          [`p${n}Hours`]: p.openingHours,
          [`p${n}Bring`]: p.bring,
          [`p${n}Appointment`]: (p.appointmentNeeded ? texts.plain.referralAppointment : texts.plain.referralWalkIn) ?? '',
        });
      });
      return values;
    }
    case 'scan-slip': {
      const { data } = document;
      const values: Record<string, string> = { dateTime: formatDutchDateTime(data.printedAt), occupations: data.occupations.join(', '), takeHome: data.takeHome };
      data.areas.forEach((area, i) => (values[`area${i + 1}`] = texts.scanAreas[area]));
      return values;
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
  // Line by line: a value of several lines (an address under a shop name, a list) keeps its breaks.
  for (const key of Object.keys(values)) values[key] = (values[key] ?? '').split('\n').map(toCp858Text).join('\n');
  return fillTemplate(receiptTemplates[document.kind], values, ctx.charactersPerLine);
}

/** What the kiosk shows on screen when the paper does not come out. */
export function onScreenCode(document: PrintDocument, statusUrl: string | undefined): { code: string; qrPayload: string | null } {
  switch (document.kind) {
    case 'queue-ticket':
      return { code: document.data.ticketNumber, qrPayload: null };
    case 'appointment-slip':
    case 'seat-slip':
      return { code: document.data.code, qrPayload: document.data.code };
    case 'attendee-list':
      return { code: document.data.session, qrPayload: null };
    // A referral slip has no code: on screen the visitor already sees the partners it lists.
    case 'referral-slip':
      return { code: '', qrPayload: null };
    case 'scan-slip':
      return { code: '', qrPayload: document.data.takeHome };
    default:
      return { code: document.data.referenceCode, qrPayload: qrPayloadFor(document.data.referenceCode, statusUrl) };
  }
}
