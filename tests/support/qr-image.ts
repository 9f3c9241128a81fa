import QRCode from 'qrcode';

/** A QR code as a light/dark grid, `scale` pixels a module, with the standard four-module quiet zone. */
export interface QrPicture {
  width: number;
  height: number;
  /** One byte a pixel: 0 dark, 255 light. */
  luma: Uint8Array;
}

export function qrPicture(text: string, options: { scale?: number; width?: number; height?: number } = {}): QrPicture {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = options.scale ?? 8;
  const side = (qr.modules.size + 8) * scale;
  const width = options.width ?? side;
  const height = options.height ?? side;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < qr.modules.size; y += 1) {
    for (let x = 0; x < qr.modules.size; x += 1) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy += 1) {
        const row = (top + (y + 4) * scale + dy) * width;
        luma.fill(0, row + left + (x + 4) * scale, row + left + (x + 5) * scale);
      }
    }
  }
  return { width, height, luma };
}

/** RGBA pixels, as a canvas's getImageData gives them. */
export function rgba(picture: QrPicture): Uint8ClampedArray {
  const data = new Uint8ClampedArray(picture.width * picture.height * 4);
  picture.luma.forEach((value, i) => {
    data.set([value, value, value, 255], i * 4);
  });
  return data;
}

/**
 * A Y4M video (4:2:0) that shows the picture in every frame: what Chromium's fake camera
 * (--use-file-for-fake-video-capture) plays on a loop.
 */
export function y4mVideo(picture: QrPicture, frames = 5): Buffer {
  const chroma = Buffer.alloc((picture.width / 2) * (picture.height / 2), 128);
  const header = Buffer.from(`YUV4MPEG2 W${picture.width} H${picture.height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(picture.luma), chroma, chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
