import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The reference as a QR code, for a visitor who would rather take a photo than keep paper.
 * It carries the reference only, never personal data. The encoder loads on demand: the first
 * screen of the kiosk does not need it.
 */
export function ReferenceQr({ reference }: { reference: string }) {
  const { t } = useTranslation();
  return <QrImage text={reference} alt={t('voucher.done.qrAlt', { reference })} testId="reference-qr" />;
}

/** A QR code of `text`, drawn on the device; nothing is sent anywhere to make it. */
export function QrImage({ text, alt, testId }: { text: string; alt: string; testId: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return null;
  return <img className="qr" src={src} width={240} height={240} alt={alt} data-testid={testId} />;
}
