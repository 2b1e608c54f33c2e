// Prints facts about a PNG screenshot so a test can tell a rendered page from a blank
// one: {"width", "height", "colors" (distinct RGB values, capped), "inked" (share of
// pixels that differ from the most common colour)}. Handles 8-bit RGB/RGBA, the kinds
// Chromium writes.  usage: node png-stats.js FILE.png
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const buf = fs.readFileSync(process.argv[2]);
if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
let pos = 8, width = 0, height = 0, type = 0;
const idat = [];
while (pos < buf.length) {
  const len = buf.readUInt32BE(pos), name = buf.toString('ascii', pos + 4, pos + 8);
  const data = buf.subarray(pos + 8, pos + 8 + len);
  if (name === 'IHDR') {
    width = data.readUInt32BE(0); height = data.readUInt32BE(4);
    if (data[8] !== 8) throw new Error('bit depth ' + data[8]);
    type = data[9];
  } else if (name === 'IDAT') idat.push(data);
  pos += 12 + len;
}
const bpp = type === 6 ? 4 : type === 2 ? 3 : 0;
if (!bpp) throw new Error('colour type ' + type);
const raw = zlib.inflateSync(Buffer.concat(idat));
const stride = width * bpp, px = Buffer.alloc(stride * height);
for (let y = 0; y < height; y++) {
  const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
  for (let x = 0; x < stride; x++) {
    const a = x >= bpp ? px[dst + x - bpp] : 0, b = y ? px[dst - stride + x] : 0;
    const c = x >= bpp && y ? px[dst - stride + x - bpp] : 0;
    let v = raw[src + x];
    if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
    else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
    px[dst + x] = v & 255;
  }
}
const counts = new Map();
for (let i = 0; i < px.length; i += bpp) {
  const k = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
  counts.set(k, (counts.get(k) || 0) + 1);
}
const top = Math.max(...counts.values());
console.log(JSON.stringify({ width, height, colors: Math.min(counts.size, 100000), inked: +(1 - top / (width * height)).toFixed(3) }));
