import jsQR from 'jsqr';

/** One camera frame as RGBA pixels: what a canvas's getImageData gives, without needing the DOM. */
export interface Frame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * The text of a QR code in one frame, or null. The frame is only read here, never kept: the
 * caller draws the next frame over the same pixels. Whether the text is a letter's code is the
 * core's decision (invitation.check), as for a typed code.
 */
export function decodeQr(frame: Frame): string | null {
  if (frame.width <= 0 || frame.height <= 0 || frame.data.length !== frame.width * frame.height * 4) return null;
  // A printed letter is dark on light: trying the inverted image as well would halve the frame rate.
  const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
  const text = found?.data.trim() ?? '';
  return text === '' ? null : text;
}
