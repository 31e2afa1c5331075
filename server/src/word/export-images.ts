// Images of the export: the type and pixel size read from the file's header (PNG, JPEG, GIF,
// BMP: what Word takes as is), the size fitted into the page, data: URLs decoded.

import { CONTENT_PX, MAX_IMAGE_PX_HEIGHT } from './export-layout';

// ---- images ------------------------------------------------------------------------------------

type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

/** Type and pixel size from the file's header; undefined for anything Word cannot take as is. */
export function imageInfo(b: Uint8Array): { type: RasterType; width: number; height: number } | undefined {
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  const u32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  const le16 = (i: number) => b[i] | (b[i + 1] << 8);
  const le32 = (i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { type: 'png', width: u32(16), height: u32(20) };
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { type: 'gif', width: le16(6), height: le16(8) };
  if (b.length > 26 && b[0] === 0x42 && b[1] === 0x4d) return { type: 'bmp', width: le32(18), height: Math.abs(le32(22) | 0) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = b[i + 1];
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const len = u16(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { type: 'jpg', width: u16(i + 7), height: u16(i + 5) };
      i += 2 + len;
    }
    return { type: 'jpg', width: 400, height: 300 };
  }
  return undefined;
}

export function fit(width: number, height: number): { width: number; height: number } {
  let w = width > 0 ? width : 400;
  let h = height > 0 ? height : 300;
  const s = Math.min(1, CONTENT_PX / w, MAX_IMAGE_PX_HEIGHT / h);
  w = Math.max(1, Math.round(w * s));
  h = Math.max(1, Math.round(h * s));
  return { width: w, height: h };
}

export function dataUrl(url: string): Uint8Array | undefined {
  const m = /^data:image\/[\w.+-]+;base64,([A-Za-z0-9+/=\s]+)$/i.exec(url);
  return m ? new Uint8Array(Buffer.from(m[1], 'base64')) : undefined;
}
