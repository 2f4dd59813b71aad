// Draws images/icon.png (128x128, RGBA): a Cilium-style hexagon on a kops-blue rounded square.
// Run `node scripts/make-icon.mjs` after changing the drawing; the PNG is checked in.
import { writeFileSync, mkdirSync } from 'fs';
import { deflateSync } from 'zlib';

const SIZE = 128;
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges
const BLUE = [50, 108, 229];
const WHITE = [255, 255, 255];
const AMBER = [248, 197, 23];

const roundedSquare = (x, y) => {
  const r = 24,
    lo = r,
    hi = SIZE - r;
  const dx = Math.max(lo - x, 0, x - hi),
    dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= r * r;
};
// Pointy-top regular hexagon centred in the icon with circumradius `radius`.
const hexagon = (radius) => (x, y) => {
  const px = Math.abs(x - SIZE / 2),
    py = Math.abs(y - SIZE / 2);
  const apothem = (radius * Math.sqrt(3)) / 2;
  return px <= apothem && py <= radius - px / Math.sqrt(3);
};
const outer = hexagon(46),
  ring = hexagon(38),
  core = hexagon(22);

/** Colour and coverage of one sample point; the topmost shape that contains it wins. */
function sample(x, y) {
  if (!roundedSquare(x, y)) return null;
  if (core(x, y)) return AMBER;
  if (outer(x, y) && !ring(x, y)) return WHITE;
  return BLUE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        for (let c = 0; c < 3; c++) sum[c] += colour[c];
        sum[3]++;
      }
    }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
    raw[at + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
