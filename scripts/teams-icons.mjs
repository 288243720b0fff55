#!/usr/bin/env node
// Draws the two Teams app icons and writes them as PNG files:
//   manifests/teams/color.png    192x192, full colour (white mark on the accent colour)
//   manifests/teams/outline.png   32x32, white on transparent (only white + alpha)
//
// The mark is a round table with six seats: a leadership group around one table.
// Deterministic: the same pixels every run (fixed geometry, fixed 4x4 supersampling).
// No dependencies: a minimal PNG encoder on node:zlib (signature, IHDR, IDAT, IEND, CRC32).
//
//   node scripts/teams-icons.mjs [--out DIR]     (default: manifests/teams)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Same value as `accentColor` in manifests/teams/manifest.json. */
export const ACCENT = [0x1f, 0x5f, 0x5b];

// ---------------------------------------------------------------------------------------------
// PNG encoder (RGBA, 8 bits per channel).

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Filters every scanline with each of the five PNG filters and keeps the one with the smallest
 * sum of absolute (signed) values, the usual heuristic from the PNG specification.
 */
function filterScanlines(rgba, width, height) {
  const bpp = 4;
  const stride = width * bpp;
  const out = Buffer.alloc(height * (stride + 1));
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prior = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let bestType = 0;
    let bestScore = Infinity;
    let best = Buffer.alloc(stride);
    for (let type = 0; type <= 4; type++) {
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? row[i - bpp] : 0;
        const b = prior[i];
        const c = i >= bpp ? prior[i - bpp] : 0;
        const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
        const value = (row[i] - predictor) & 0xff;
        candidate[i] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        bestType = type;
        best = Buffer.from(candidate);
      }
    }
    out[y * (stride + 1)] = bestType;
    best.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

export function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterScanlines(rgba, width, height), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The mark, in a unit square (0..1): a table in the middle, six seats around it.

const TABLE_RADIUS = 0.15;
const SEAT_RADIUS = 0.075;
const SEAT_DISTANCE = 0.3;
const SEATS = Array.from({ length: 6 }, (_, i) => {
  const angle = -Math.PI / 2 + (i * Math.PI) / 3;
  return [0.5 + SEAT_DISTANCE * Math.cos(angle), 0.5 + SEAT_DISTANCE * Math.sin(angle)];
});

function insideMark(x, y, scale) {
  // `scale` shrinks the mark around the centre (the colour icon keeps a margin).
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  if ((u - 0.5) ** 2 + (v - 0.5) ** 2 <= TABLE_RADIUS ** 2) return true;
  return SEATS.some(([sx, sy]) => (u - sx) ** 2 + (v - sy) ** 2 <= SEAT_RADIUS ** 2);
}

/** Fraction (0..1) of a pixel covered by the mark, from a fixed 4x4 grid of samples. */
function coverage(px, py, size, scale) {
  const n = 4;
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      if (insideMark((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, scale)) hits++;
    }
  }
  return hits / (n * n);
}

/** 192x192: the white mark on an opaque accent-coloured square. */
export function drawColor() {
  const size = 192;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cover = coverage(x, y, size, 0.8);
      const i = (y * size + x) * 4;
      for (let ch = 0; ch < 3; ch++) rgba[i + ch] = Math.round(ACCENT[ch] + (255 - ACCENT[ch]) * cover);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(rgba, size, size);
}

/** 32x32: the mark in white; everything else fully transparent. */
export function drawOutline() {
  const size = 32;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(x, y, size, 1));
    }
  }
  return encodePng(rgba, size, size);
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1] : fileURLToPath(new URL('../manifests/teams/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const [name, png] of [
    ['color.png', drawColor()],
    ['outline.png', drawOutline()],
  ]) {
    writeFileSync(join(outDir, name), png);
    console.log(`wrote ${join(outDir, name)} (${png.length} bytes)`);
  }
}
