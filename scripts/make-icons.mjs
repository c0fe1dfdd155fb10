#!/usr/bin/env node
// Draws Chefsache's app icons as PNG files with nothing but node:zlib:
//   assets/color.png      192×192  Teams color icon (white shield with check mark on the accent color)
//   assets/outline.png     32×32   Teams outline icon (white on transparent, as Teams requires)
//   assets/icon-<n>.png    16, 32, 64, 80, 128  Outlook ribbon and add-in icons (accent shield, transparent)
// Run `node scripts/make-icons.mjs` after changing the design; the generated files are committed.
// `--out <dir>` writes elsewhere (the unit test checks that the committed icons match the script).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(args.out ?? join(root, 'assets'));

/** The accent color, also the manifest's `accentColor`. */
const ACCENT = [0x1f, 0x3b, 0x63];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

// ---------- PNG encoding ----------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** Encodes RGBA pixels (Uint8Array, row-major) as an 8-bit RGBA PNG. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // color type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- Geometry (unit square, y grows downwards) ----------
function quad(p0, p1, p2, steps) {
  const pts = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const a = (1 - t) ** 2, b = 2 * (1 - t) * t, c = t ** 2;
    pts.push([a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]]);
  }
  return pts;
}
/** A shield: flat top with a slight dip, straight flanks, curved sides meeting in a point. */
function shieldPolygon(cx, top, halfWidth, height) {
  const l = cx - halfWidth, r = cx + halfWidth, bottom = top + height, mid = top + height * 0.45;
  return [
    [l, top + height * 0.06],
    ...quad([l, top + height * 0.06], [cx, top - height * 0.04], [r, top + height * 0.06], 16),
    [r, mid],
    ...quad([r, mid], [r, top + height * 0.82], [cx, bottom], 24),
    ...quad([cx, bottom], [l, top + height * 0.82], [l, mid], 24),
  ];
}
function insidePolygon(poly, x, y) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function distToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
function distToPolyline(points, x, y, closed) {
  let d = Infinity;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) d = Math.min(d, distToSegment(x, y, points[i], points[(i + 1) % points.length]));
  return d;
}
function roundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius), cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** Renders `paint(x, y) → [r, g, b, a] | null` with supersampling for smooth edges. */
function render(size, paint) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return rgba;
}

const CHECK = (s, ox, oy) => [
  [ox + 0.34 * s, oy + 0.50 * s],
  [ox + 0.45 * s, oy + 0.61 * s],
  [ox + 0.66 * s, oy + 0.38 * s],
];

/** Teams color icon: white shield with an accent check mark on a full accent background. */
function colorIcon(size) {
  const shield = shieldPolygon(0.5, 0.22, 0.25, 0.58);
  const check = CHECK(1, 0, 0.02);
  return render(size, (x, y) => {
    if (!roundedSquare(x, y, 0.0001)) return null;
    if (insidePolygon(shield, x, y)) {
      return distToPolyline(check, x, y, false) <= 0.045 ? [...ACCENT, 255] : [...WHITE, 255];
    }
    return [...ACCENT, 255];
  });
}

/** Teams outline icon: white shield outline and check mark on transparent. */
function outlineIcon(size) {
  const shield = shieldPolygon(0.5, 0.1, 0.36, 0.8);
  const check = CHECK(1, 0, 0.01);
  return render(size, (x, y) => {
    const onEdge = distToPolyline(shield, x, y, true) <= 0.045;
    const onCheck = distToPolyline(check, x, y, false) <= 0.055;
    return onEdge || onCheck ? [...WHITE, 255] : null;
  });
}

/** Outlook icon: accent shield with a white check mark on transparent (reads on light and dark ribbons). */
function addinIcon(size) {
  const shield = shieldPolygon(0.5, 0.08, 0.38, 0.86);
  const check = CHECK(1, 0, 0.02);
  const stroke = size <= 16 ? 0.075 : 0.06;
  return render(size, (x, y) => {
    if (!insidePolygon(shield, x, y)) return null;
    return distToPolyline(check, x, y, false) <= stroke ? [...WHITE, 255] : [...ACCENT, 255];
  });
}

const ICONS = [
  { file: 'color.png', size: 192, draw: colorIcon },
  { file: 'outline.png', size: 32, draw: outlineIcon },
  ...[16, 32, 64, 80, 128].map((size) => ({ file: `icon-${size}.png`, size, draw: addinIcon })),
];

mkdirSync(outDir, { recursive: true });
for (const { file, size, draw } of ICONS) {
  const png = encodePng(size, draw(size));
  writeFileSync(join(outDir, file), png);
  console.log(`${join(outDir, file)}  ${size}×${size}  ${png.length} bytes`);
}
