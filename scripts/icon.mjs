// Draws the extension icon (images/icon.png, 128×128 RGBA) with node alone: a blue shield with a
// white check mark, anti-aliased by 4×4 supersampling. No downloads, no image library.
//   node scripts/icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const N = 128;
const S = 4; // samples per axis
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// Shield: flat top with rounded corners, sides curving to a point at the bottom.
function inShield(x, y) {
  const cx = 64;
  if (y < 14 || y > 118) return false;
  const half = y < 70 ? 46 : 46 * Math.sqrt(Math.max(0, 1 - ((y - 70) / 48) ** 2));
  if (Math.abs(x - cx) > half) return false;
  // rounded top corners (radius 10)
  const dx = Math.abs(x - cx) - 36;
  const dy = 24 - y;
  return !(dx > 0 && dy > 0 && dx * dx + dy * dy > 100);
}
// Distance from a point to a segment.
function seg(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay));
}
const inCheck = (x, y) => Math.min(seg(x, y, 40, 64, 58, 82), seg(x, y, 58, 82, 90, 46)) < 7;

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let shield = 0;
    let check = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const sx = x + (i + 0.5) / S;
        const sy = y + (j + 0.5) / S;
        if (inShield(sx, sy)) {
          shield++;
          if (inCheck(sx, sy)) check++;
        }
      }
    const a = shield / (S * S);
    const c = shield ? check / shield : 0;
    // #0b3d91 → #1e5bb8 top to bottom, the check white.
    const t = y / N;
    const base = [11 + (30 - 11) * t, 61 + (91 - 61) * t, 145 + (184 - 145) * t];
    const o = y * (N * 4 + 1) + 1 + x * 4;
    for (let k = 0; k < 3; k++) raw[o + k] = Math.round(base[k] * (1 - c) + 255 * c);
    raw[o + 3] = Math.round(255 * a);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(root, 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`${out} (${png.length} bytes)`);
