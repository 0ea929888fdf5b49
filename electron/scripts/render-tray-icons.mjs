#!/usr/bin/env node
// Renders the tray's progress-ring set and the app icon into assets/ (committed; rerun after changing a
// colour or size): `node electron/scripts/render-tray-icons.mjs`.
//   assets/tray/ring-NNN-{light,dark}[-badge].png (+ @2x)   Linux; "light" = for a light panel (dark strokes)
//   assets/tray/ring-NNN[-badge]Template.png (+ @2x)         macOS template images (black + alpha)
//   assets/tray/ring-NNN-{light,dark}[-badge].ico            Windows (16, 24, 32 px in one file)
//   assets/icon.png                                          512×512 app icon
// NNN is 000, 010, … 100: the mission's progress, floored to 10% (see electron/main/tray/tray-icons.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIco, encodePng } from './png-encoder.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const trayDir = join(root, 'assets', 'tray');
mkdirSync(trayDir, { recursive: true });

const THEMES = {
  light: { track: [17, 24, 39, 70], progress: [15, 118, 110, 255], badge: [225, 29, 72, 255] },
  dark: { track: [255, 255, 255, 90], progress: [94, 234, 212, 255], badge: [251, 113, 133, 255] },
  template: { track: [0, 0, 0, 80], progress: [0, 0, 0, 255], badge: [0, 0, 0, 255] },
};
const SUPERSAMPLE = 4;

/** Rasterises with supersampling: `shade(x, y)` returns [r, g, b, a] or null for a point in unit coordinates. */
function raster(size, shade) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = shade((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const i = (py * size + px) * 4;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

/** Clockwise angle from 12 o'clock, as a fraction of a turn. */
const turn = (dx, dy) => (Math.atan2(dx, -dy) / (2 * Math.PI) + 1) % 1;

function ring(size, pct, theme, badge) {
  const colours = THEMES[theme];
  const stroke = size <= 16 ? 0.17 : 0.15;
  const radius = 0.5 - stroke / 2 - 0.02;
  const badgeAt = [0.8, 0.2];
  const badgeR = 0.19;
  return raster(size, (x, y) => {
    if (badge) {
      const db = Math.hypot(x - badgeAt[0], y - badgeAt[1]);
      if (db <= badgeR) return colours.badge;
      if (db <= badgeR + 0.07) return null; // a clear gap so the dot reads apart from the ring
    }
    const d = Math.hypot(x - 0.5, y - 0.5);
    if (Math.abs(d - radius) > stroke / 2) return null;
    return turn(x - 0.5, y - 0.5) < pct / 100 ? colours.progress : colours.track;
  });
}

function appIcon(size) {
  const corner = 0.22;
  const inset = 0.06;
  return raster(size, (x, y) => {
    // Rounded square with a vertical teal gradient.
    const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - corner), 0);
    const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - corner), 0);
    if (Math.hypot(qx, qy) > corner) return null;
    const background = [13 + 20 * y, 148 - 60 * y, 136 - 40 * y];
    const mix = (c, w) => [...background.map((v, i) => Math.round(v + (c[i] - v) * w)), 255];
    const d = Math.hypot(x - 0.5, y - 0.5);
    // The progress ring, three quarters done, over a faint full track.
    if (Math.abs(d - 0.26) <= 0.055) return mix([255, 255, 255], turn(x - 0.5, y - 0.5) < 0.72 ? 1 : 0.3);
    // A small spark in the centre: the moment of being seen.
    const spark = 0.085 * (0.55 + 0.45 * Math.cos(4 * Math.atan2(y - 0.5, x - 0.5)));
    if (d <= spark) return [253, 224, 71, 255];
    return mix(background, 0);
  });
}

let files = 0;
const write = (name, data) => {
  writeFileSync(join(trayDir, name), data);
  files++;
};
for (let pct = 0; pct <= 100; pct += 10) {
  const step = String(pct).padStart(3, '0');
  for (const badge of [false, true]) {
    const b = badge ? '-badge' : '';
    for (const theme of ['light', 'dark']) {
      write(`ring-${step}-${theme}${b}.png`, encodePng(ring(16, pct, theme, badge)));
      write(`ring-${step}-${theme}${b}@2x.png`, encodePng(ring(32, pct, theme, badge)));
      write(`ring-${step}-${theme}${b}.ico`, encodeIco([16, 24, 32].map((s) => ring(s, pct, theme, badge))));
    }
    write(`ring-${step}${b}Template.png`, encodePng(ring(16, pct, 'template', badge)));
    write(`ring-${step}${b}Template@2x.png`, encodePng(ring(32, pct, 'template', badge)));
  }
}
writeFileSync(join(root, 'assets', 'icon.png'), encodePng(appIcon(512)));
// A large preview of one ring, for eyeballing the shape (not used by the app).
writeFileSync(join(root, 'assets', 'tray-preview.png'), encodePng(ring(128, 70, 'light', true)));
console.log(`wrote ${files} tray icons to assets/tray/, assets/icon.png and assets/tray-preview.png`);
