import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The reference as a QR code, for a visitor who would rather take a photo than keep paper.
 * It carries the reference only, never personal data. The encoder loads on demand: the first
 * screen of the kiosk does not need it.
 */
export function ReferenceQr({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(reference, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [reference]);
  if (!src) return null;
  return <img className="qr" src={src} width={240} height={240} alt={t('voucher.done.qrAlt', { reference })} data-testid="reference-qr" />;
}
