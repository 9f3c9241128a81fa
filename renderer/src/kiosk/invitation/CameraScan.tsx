import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeQr } from './qr-decode';

interface DetectedCode {
  rawValue: string;
}
interface Detector {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

/** The browser's own QR reader where it has one (not Chromium on Linux); jsQR otherwise. */
function browserDetector(): Detector | null {
  const constructor = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  try {
    return constructor ? new constructor({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** A frame is scaled down to this width before jsQR reads it: a letter held up close stays readable. */
const frameWidth = 640;

function readWithJsQr(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  const width = Math.min(frameWidth, video.videoWidth);
  const height = Math.round((video.videoHeight * width) / video.videoWidth);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return decodeQr(context.getImageData(0, 0, width, height));
}

async function readFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, detector: Detector | null): Promise<string | null> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  if (detector) {
    try {
      const text = (await detector.detect(video))[0]?.rawValue.trim();
      return text ? text : null;
    } catch {
      return readWithJsQr(video, canvas);
    }
  }
  return readWithJsQr(video, canvas);
}

/** Whether the kiosk has a camera at all: without one the screen never offers it. */
export function useHasCamera(): boolean {
  const [hasCamera, setHasCamera] = useState(false);
  useEffect(() => {
    let live = true;
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!devices?.enumerateDevices) return;
    devices
      .enumerateDevices()
      .then((list) => live && setHasCamera(list.some((device) => device.kind === 'videoinput')))
      .catch(() => live && setHasCamera(false));
    return () => {
      live = false;
    };
  }, []);
  return hasCamera;
}

/**
 * The camera looks for the letter's QR while this is on screen. Frames go to a canvas that is
 * never shown, sent or kept, and each one is drawn over the last; the camera stops when a code is
 * read, when the visitor stops it, and when the screen goes (leaving it, or the idle wipe, which
 * unmounts the whole visit).
 */
export function CameraScan({ onCode, onStop }: { onCode(code: string): void; onStop(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const found = useRef(onCode);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    found.current = onCode;
  }, [onCode]);
  useEffect(() => {
    const element = video.current;
    const canvas = document.createElement('canvas');
    const detector = browserDetector();
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer = 0;
    const stop = (): void => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
      if (element) element.srcObject = null;
      canvas.width = 0;
    };
    const look = async (): Promise<void> => {
      if (stopped || !element) return;
      const code = await readFrame(element, canvas, detector);
      if (stopped) return;
      if (code) {
        stop();
        found.current(code);
        return;
      }
      timer = window.setTimeout(() => void look(), 120);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' }, audio: false })
      .then((opened) => {
        if (stopped || !element) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        element.srcObject = opened;
        element.play().catch(() => undefined);
        void look();
      })
      .catch(() => !stopped && setFailed(true));
    return stop;
  }, []);
  return (
    <div className="camera-scan" data-testid="invitation-camera">
      <p className="lead">{t('invitation.camera.hold')}</p>
      <p data-testid="invitation-camera-privacy">{t('invitation.camera.privacy')}</p>
      {failed ? (
        <p role="status">{t('invitation.camera.failed')}</p>
      ) : (
        // The visitor sees what the camera sees to aim the letter; the picture goes nowhere else.
        <video ref={video} className="camera-scan__view" muted playsInline aria-hidden="true" />
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onStop} data-testid="invitation-camera-stop">
          {t('invitation.camera.stop')}
        </button>
      </div>
    </div>
  );
}
