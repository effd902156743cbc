/**
 * Draws the two Teams app icons with plain geometry and writes them to manifest/:
 *
 * - color.png   192x192: a white shield with a check mark on the accent colour.
 * - outline.png  32x32:  the same shield in pure white on a transparent background,
 *                        with the check mark cut out.
 *
 * Run with `npx tsx scripts/make-icons.ts`. The output is deterministic, so re-running
 * it produces byte-identical files.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { fromRoot } from '../src/platform/paths.js';

/** Background of the colour icon; keep in sync with `accentColor` in manifest/manifest.json. */
export const ACCENT_COLOR = '#1D4F91';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Samples per pixel along each axis (anti-aliasing by supersampling). */
const SUPERSAMPLING = 4;

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

interface ShieldGeometry {
  /** Horizontal centre, in pixels. */
  readonly centerX: number;
  /** Top of the shield (at its centre line), in pixels. */
  readonly top: number;
  /** Half of the widest width, in pixels. */
  readonly halfWidth: number;
  /** Distance from top to the bottom point, in pixels. */
  readonly height: number;
  /** Stroke width of the check mark, in pixels. */
  readonly checkThickness: number;
}

/** Fraction of the shield height where the straight sides start to taper to the point. */
const TAPER_START = 0.42;
/** How far the top corners sit below the top centre, as a fraction of the height. */
const TOP_ARCH = 0.07;
/** The check mark as a polyline in shield coordinates: x in [-1, 1] of the half width, y in [0, 1] of the height. */
const CHECK_MARK: readonly Point[] = [
  [-0.45, 0.47],
  [-0.12, 0.67],
  [0.47, 0.27],
];

function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [
    parseInt(match[1] ?? '0', 16),
    parseInt(match[2] ?? '0', 16),
    parseInt(match[3] ?? '0', 16),
  ];
}

/** A shield centred on a square icon, its measures given as fractions of the icon's size. */
function shieldOn(size: number, fractions: Omit<ShieldGeometry, 'centerX'>): ShieldGeometry {
  return {
    centerX: size / 2,
    top: size * fractions.top,
    halfWidth: size * fractions.halfWidth,
    height: size * fractions.height,
    checkThickness: size * fractions.checkThickness,
  };
}

function insideShield(g: ShieldGeometry, x: number, y: number): boolean {
  const sx = (x - g.centerX) / g.halfWidth;
  const sy = (y - g.top) / g.height;
  if (sy > 1 || Math.abs(sx) > 1) return false;
  // The top edge arches: highest in the middle, lower at the corners.
  if (sy < TOP_ARCH * sx * sx) return false;
  if (sy <= TAPER_START) return true;
  // Below TAPER_START the sides curve smoothly in to a point at the bottom.
  const t = (sy - TAPER_START) / (1 - TAPER_START);
  return Math.abs(sx) <= 1 - Math.pow(t, 1.6);
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheckMark(g: ShieldGeometry, x: number, y: number): boolean {
  const points = CHECK_MARK.map(([sx, sy]): Point => [
    g.centerX + sx * g.halfWidth,
    g.top + sy * g.height,
  ]);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a && b && distanceToSegment(x, y, a, b) <= g.checkThickness / 2) return true;
  }
  return false;
}

/**
 * Fraction (0..1) of the pixel at (px, py) covered by the shield minus the check mark,
 * estimated by supersampling.
 */
function shieldCoverage(g: ShieldGeometry, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < SUPERSAMPLING; i++) {
    for (let j = 0; j < SUPERSAMPLING; j++) {
      const x = px + (i + 0.5) / SUPERSAMPLING;
      const y = py + (j + 0.5) / SUPERSAMPLING;
      if (insideShield(g, x, y) && !onCheckMark(g, x, y)) hits++;
    }
  }
  return hits / (SUPERSAMPLING * SUPERSAMPLING);
}

function forEachPixel(png: PNG, paint: (x: number, y: number, offset: number) => void): void {
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) paint(x, y, (y * png.width + x) * 4);
  }
}

/** 192x192 opaque icon: white shield with a check mark (in the background colour) on the accent colour. */
export function drawColorIcon(size = COLOR_ICON_SIZE, background: string = ACCENT_COLOR): PNG {
  const [r, g, b] = parseHexColor(background);
  const geometry = shieldOn(size, {
    top: 0.15,
    halfWidth: 0.3,
    height: 0.72,
    checkThickness: 0.075,
  });
  const png = new PNG({ width: size, height: size });
  forEachPixel(png, (x, y, offset) => {
    const white = shieldCoverage(geometry, x, y);
    png.data[offset] = Math.round(r + (255 - r) * white);
    png.data[offset + 1] = Math.round(g + (255 - g) * white);
    png.data[offset + 2] = Math.round(b + (255 - b) * white);
    png.data[offset + 3] = 255;
  });
  return png;
}

/**
 * 32x32 outline icon: every pixel is pure white (255, 255, 255); only the alpha channel
 * varies, so the background is fully transparent and the edges are anti-aliased.
 */
export function drawOutlineIcon(size = OUTLINE_ICON_SIZE): PNG {
  const geometry = shieldOn(size, {
    top: 0.06,
    halfWidth: 0.4,
    height: 0.88,
    checkThickness: 0.11,
  });
  const png = new PNG({ width: size, height: size });
  forEachPixel(png, (x, y, offset) => {
    png.data[offset] = 255;
    png.data[offset + 1] = 255;
    png.data[offset + 2] = 255;
    png.data[offset + 3] = Math.round(255 * shieldCoverage(geometry, x, y));
  });
  return png;
}

export async function writeIcons(dir: string = fromRoot('manifest')): Promise<string[]> {
  const files: [string, PNG][] = [
    [path.join(dir, 'color.png'), drawColorIcon()],
    [path.join(dir, 'outline.png'), drawOutlineIcon()],
  ];
  for (const [file, png] of files) await writeFile(file, PNG.sync.write(png));
  return files.map(([file]) => file);
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  writeIcons().then(
    (written) => {
      for (const file of written) console.log(`Wrote ${path.relative(process.cwd(), file)}`);
    },
    (error: unknown) => {
      console.error(
        `Could not write the icons: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    },
  );
}
