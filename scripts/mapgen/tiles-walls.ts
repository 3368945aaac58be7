/**
 * Walls in 3/4 view, fences and hedges. A wall tile is all cap (the top of the
 * wall seen from above) unless the tile south of it is open: then its lower part
 * is the front face, in the wallpaper of the room it faces or the facade of the
 * building when it faces outdoors. Masks are 4-bit: N=1, E=2, S=4, W=8.
 */
import { Canvas, Color, mix, shade } from "./canvas";
import { noise } from "./rng";
import { FACADE, P, WALLPAPER } from "./palette";

export const N = 1, E = 2, S = 4, W = 8;
const CAP_H = 10;

export interface WallLook {
  cap: Color;
  /** A wallpaper name or a facade name (prefixed "ext:"), for face tiles. */
  face: string | null;
  /** "window", "window-in" (interior view of an outside window), or "". */
  decor: string;
}

export function paintWall(c: Canvas, mask: number, look: WallLook): void {
  const faceTile = !(mask & S) && look.face !== null;
  const capBottom = faceTile ? CAP_H - 1 : 31;
  paintCap(c, mask, look.cap, capBottom, faceTile);
  if (!faceTile || look.face === null) return;
  if (look.face.startsWith("ext:")) paintFacade(c, look.face.slice(4), mask, look.decor);
  else paintWallpaper(c, look.face, mask, look.decor);
}

function paintCap(c: Canvas, mask: number, cap: Color, bottom: number, face: boolean): void {
  c.rect(0, 0, 32, bottom + 1, cap);
  const light = shade(cap, 0.22);
  for (let y = 0; y <= bottom; y++) for (let x = 0; x < 32; x++) if (noise(x, y, 201) > 0.93) c.px(x, y, shade(cap, 0.08));
  const edge = P.ink;
  if (!(mask & N)) { c.hline(0, 31, 0, edge); c.hline(0, 31, 1, light); }
  if (!(mask & W)) { c.vline(0, 0, bottom, edge); c.vline(1, mask & N ? 0 : 1, bottom, light); }
  if (!(mask & E)) c.vline(31, 0, bottom, edge);
  if (face) c.hline(0, 31, bottom, shade(cap, -0.4));
  else if (!(mask & S)) c.hline(0, 31, 31, edge);
  // inner corners: a pixel of outline where two wall arms meet
  if (mask & N && mask & W) c.px(0, 0, shade(cap, -0.3));
  if (mask & N && mask & E) c.px(31, 0, shade(cap, -0.3));
}

function faceEdges(c: Canvas, mask: number, dark: Color): void {
  if (!(mask & W)) c.vline(0, CAP_H, 31, P.ink);
  if (!(mask & E)) c.vline(31, CAP_H, 31, P.ink);
  c.hline(0, 31, CAP_H, shade(dark, -0.25));
}

function paintWallpaper(c: Canvas, name: string, mask: number, decor: string): void {
  const wp = WALLPAPER[name] ?? WALLPAPER.cream;
  for (let y = CAP_H; y < 32; y++) for (let x = 0; x < 32; x++) c.px(x, y, wallpaperPixel(wp.pattern, wp.base, wp.trim, x, y));
  c.rect(0, 28, 32, 4, wp.trim);
  c.hline(0, 31, 28, shade(wp.trim, 0.3));
  c.hline(0, 31, CAP_H + 1, shade(wp.base, -0.18));
  if (decor === "window-in") paintInnerWindow(c);
  faceEdges(c, mask, wp.base);
}

function wallpaperPixel(pattern: string, base: Color, trim: Color, x: number, y: number): Color {
  switch (pattern) {
    case "stripe": return x % 8 < 3 ? mix(base, trim, 0.22) : base;
    case "dots": return (x + (Math.floor(y / 6) % 2) * 4) % 8 === 2 && y % 6 === 2 ? mix(base, trim, 0.6) : base;
    case "panel": return x % 8 === 0 ? shade(base, -0.25) : x % 8 === 1 ? shade(base, 0.12) : noise(x, y, 211) > 0.9 ? shade(base, -0.08) : base;
    case "brick": return brickPixel(base, x, y);
    case "tile": return x % 6 === 5 || y % 6 === 5 ? mix(base, trim, 0.5) : base;
    default: return noise(x, y, 212) > 0.94 ? shade(base, -0.05) : base;
  }
}

function brickPixel(base: Color, x: number, y: number): Color {
  const row = Math.floor(y / 5);
  const off = row % 2 ? 4 : 0;
  if (y % 5 === 4 || (x + off) % 8 === 7) return mix(base, 0xd8d0c0, 0.45);
  const tint = noise(Math.floor((x + off) / 8), row, 213);
  return tint < 0.25 ? shade(base, -0.1) : tint > 0.85 ? shade(base, 0.1) : base;
}

function paintInnerWindow(c: Canvas): void {
  c.rect(7, 12, 18, 13, 0xf6f2e8);
  c.rect(9, 14, 14, 9, 0xbfe0f4);
  c.line(10, 21, 15, 15, 0xf4fbff);
  c.vline(16, 14, 22, 0xf6f2e8);
  c.rect(6, 12, 3, 14, 0xd8a070);
  c.rect(23, 12, 3, 14, 0xd8a070);
  c.hline(6, 25, 25, 0x9a7a5a);
}

function paintFacade(c: Canvas, name: string, mask: number, decor: string): void {
  const f = FACADE[name] ?? FACADE.redBrick;
  for (let y = CAP_H; y < 32; y++) for (let x = 0; x < 32; x++) c.px(x, y, facadePixel(f.pattern, f.base, f.dark, x, y));
  c.rect(0, 29, 32, 3, shade(f.dark, -0.25));
  c.hline(0, 31, CAP_H + 1, shade(f.base, -0.3));
  if (decor === "window") paintOuterWindow(c, f.frame, f.pattern === "siding");
  faceEdges(c, mask, f.base);
}

function facadePixel(pattern: string, base: Color, dark: Color, x: number, y: number): Color {
  switch (pattern) {
    case "brick": return brickPixel(base, x, y);
    case "siding": return y % 4 === 3 ? dark : y % 4 === 0 ? shade(base, 0.12) : base;
    case "stone": {
      const row = Math.floor(y / 7), off = row % 2 ? 5 : 0;
      if (y % 7 === 6 || (x + off) % 11 === 10) return shade(dark, -0.2);
      return noise(Math.floor((x + off) / 11), row, 221) > 0.6 ? shade(base, 0.08) : base;
    }
    case "shingle": {
      const row = Math.floor(y / 5), off = row % 2 ? 3 : 0;
      return y % 5 === 4 || (x + off) % 6 === 5 ? dark : base;
    }
    default: return noise(x, y, 222) > 0.85 ? shade(base, -0.07) : base;
  }
}

function paintOuterWindow(c: Canvas, frame: Color, shutters: boolean): void {
  c.rect(8, 13, 16, 13, frame);
  c.rect(10, 15, 12, 9, 0x7eaed0);
  c.rect(10, 15, 12, 3, 0xa8d0ea);
  c.line(11, 22, 15, 16, 0xdff0fa);
  c.vline(16, 15, 23, frame);
  c.hline(7, 24, 26, shade(frame, -0.2));
  c.hline(7, 24, 27, P.shadow, 90);
  if (shutters) {
    c.rect(4, 13, 4, 13, 0x4e6a8a);
    c.rect(24, 13, 4, 13, 0x4e6a8a);
    for (let y = 15; y < 25; y += 2) { c.hline(5, 6, y, 0x3a506a); c.hline(25, 26, y, 0x3a506a); }
  }
}

/** Picket or rail fence; mask says which neighbours are fence. */
export function paintFence(c: Canvas, mask: number, style: "picket" | "rail" | "iron"): void {
  const col = style === "picket" ? 0xf2ece0 : style === "iron" ? 0x3a3a46 : 0x9a6a40;
  const dark = style === "picket" ? 0xb8b0a0 : style === "iron" ? 0x22222a : 0x6a4428;
  const horizontal = mask & (E | W) || !(mask & (N | S));
  if (horizontal) {
    const x0 = mask & W ? 0 : 12, x1 = mask & E ? 31 : 19;
    c.hline(x0, x1, 29, P.shadow, 70);
    c.rect(x0, 16, x1 - x0 + 1, 3, col);
    c.rect(x0, 23, x1 - x0 + 1, 3, col);
    c.hline(x0, x1, 18, dark);
    c.hline(x0, x1, 25, dark);
    const step = style === "rail" ? 16 : style === "iron" ? 4 : 6;
    for (let x = (mask & W ? 2 : 13); x <= x1 - 1; x += step) paintPicket(c, x, style, col, dark);
  }
  if (mask & (N | S)) {
    const y0 = mask & N ? 0 : 12, y1 = mask & S ? 31 : 27;
    c.rect(14, y0, 4, y1 - y0 + 1, col);
    c.vline(17, y0, y1, dark);
    c.vline(18, y0, y1, P.shadow, 70);
    for (let y = y0 + 2; y < y1; y += 8) c.hline(14, 17, y, dark);
    if (!(mask & S)) paintPicket(c, 14, style, col, dark);
  }
}

function paintPicket(c: Canvas, x: number, style: string, col: Color, dark: Color): void {
  const w = style === "iron" ? 1 : 3;
  const top = style === "rail" ? 12 : 10;
  c.rect(x, top, w, 28 - top, col);
  if (w > 1) c.vline(x + w - 1, top + 1, 27, dark);
  c.px(x + (w > 1 ? 1 : 0), top - 1, style === "iron" ? 0xc8a040 : col);
  c.hline(x, x + w - 1, 28, P.ink);
}

/** Clipped hedge; mask joins it to neighbouring hedge tiles. */
export function paintHedge(c: Canvas, mask: number): void {
  const x0 = mask & W ? 0 : 2, x1 = mask & E ? 31 : 29;
  const y0 = mask & N ? 0 : 4, y1 = mask & S ? 31 : 28;
  c.rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1, P.leaf);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const n = noise(x, y, 231);
    if (n < 0.18) c.px(x, y, P.leafDark);
    else if (n > 0.85 && y < y0 + (y1 - y0) * 0.6) c.px(x, y, P.leafLight);
  }
  if (!(mask & N)) { c.hline(x0 + 1, x1 - 1, y0, P.leafLight); c.hline(x0, x1, y0 - 1, P.ink); }
  if (!(mask & S)) { c.rect(x0, y1 - 4, x1 - x0 + 1, 5, P.leafDark); c.hline(x0, x1, y1 + 1, P.ink); c.hline(x0, x1, y1 + 2, P.shadow, 80); }
  if (!(mask & W)) c.vline(x0 - 1, y0, y1, P.ink);
  if (!(mask & E)) c.vline(x1 + 1, y0, y1, P.ink);
}

/**
 * A two-storey south facade as one 32x64 picture: the wall tile (cap + upper
 * storey) over the facade tile (lower storey). decor: "window", "display",
 * "plain". Shops carry an awning band across the whole front.
 */
export function paintFacadePair(c: Canvas, mask: number, name: string, decor: string, awning: number | undefined): void {
  const f = FACADE[name] ?? FACADE.redBrick;
  paintCap(c, mask, f.cap, CAP_H - 1, true);
  for (let y = CAP_H; y < 64; y++) for (let x = 0; x < 32; x++) c.px(x, y, facadePixel(f.pattern, f.base, f.dark, x, y));
  c.hline(0, 31, CAP_H + 1, shade(f.base, -0.3));
  c.rect(0, 58, 32, 6, shade(f.dark, -0.2));
  c.hline(0, 31, 58, shade(f.dark, -0.45));
  if (decor === "window") paintTallWindow(c, f.frame, f.pattern);
  if (decor === "display") paintDisplayWindow(c, f.frame, mask);
  if (awning !== undefined) paintAwning(c, awning);
  if (!(mask & W)) c.vline(0, CAP_H, 63, P.ink);
  if (!(mask & E)) c.vline(31, CAP_H, 63, P.ink);
  c.hline(0, 31, CAP_H, shade(f.base, -0.4));
}

function paintTallWindow(c: Canvas, frame: Color, pattern: string): void {
  c.rect(8, 20, 16, 26, frame);
  c.rect(10, 22, 12, 22, 0x6e9ec4);
  c.rect(10, 22, 12, 6, 0x9cc8e6);
  c.line(11, 40, 19, 24, 0xd6ecf8);
  c.line(12, 42, 20, 26, 0xb8dcf2);
  c.vline(16, 22, 43, frame);
  c.hline(10, 21, 32, frame);
  c.rect(6, 46, 20, 2, shade(frame, -0.25));
  c.hline(6, 25, 48, P.shadow, 80);
  if (pattern === "siding" || pattern === "shingle") {
    c.rect(3, 20, 4, 26, 0x4e6a8a);
    c.rect(25, 20, 4, 26, 0x4e6a8a);
    for (let y = 22; y < 44; y += 3) { c.hline(4, 5, y, 0x3a506a); c.hline(26, 27, y, 0x3a506a); }
  } else {
    c.rect(7, 48, 18, 5, 0x8a5a3a);
    c.hline(7, 24, 48, 0xa87a52);
    for (let k = 0; k < 6; k++) {
      c.px(8 + k * 3, 47, [0xe05a6a, 0xf2d24a, 0xf0a0c0][k % 3]);
      c.px(9 + k * 3, 46, P.leaf);
    }
  }
}

function paintDisplayWindow(c: Canvas, frame: Color, mask: number): void {
  const x0 = mask & W ? 0 : 3, x1 = mask & E ? 31 : 28;
  c.rect(x0, 30, x1 - x0 + 1, 26, 0x3e3a44);
  c.rect(x0, 32, x1 - x0 + 1, 22, 0x7aa8c8);
  c.rect(x0, 32, x1 - x0 + 1, 5, 0xa8d0ea);
  c.line(x0 + 4, 50, x0 + 14, 34, 0xdceef8);
  c.line(x0 + 6, 51, x0 + 16, 35, 0xc0e0f4);
  c.hline(x0, x1, 54, frame);
  c.hline(x0, x1, 55, shade(frame, -0.3));
  if (!(mask & W)) c.vline(x0, 30, 55, frame);
  if (!(mask & E)) c.vline(x1, 30, 55, frame);
}

function paintAwning(c: Canvas, color: Color): void {
  for (let x = 0; x < 32; x++) {
    const stripe = Math.floor(x / 4) % 2 === 0 ? color : 0xf4efe4;
    c.vline(x, 16, 27, stripe);
    const scallop = 28 + (x % 8 < 4 ? 1 : 0) + (x % 8 === 0 || x % 8 === 7 ? -1 : 0);
    c.vline(x, 28, scallop, stripe);
    c.px(x, scallop + 1, shade(color, -0.45));
    c.px(x, scallop + 2, P.shadow, 70);
  }
  c.hline(0, 31, 16, shade(color, -0.3));
  c.hline(0, 31, 17, shade(color, 0.3));
}

/** The step in front of a door in a south facade, with both leaves open. */
export function paintPorch(c: Canvas, name: string): void {
  const f = FACADE[name] ?? FACADE.redBrick;
  c.rect(0, 0, 32, 32, 0x3a3036);
  c.rect(0, 0, 32, 20, 0x5a4a44);
  c.rect(2, 20, 28, 12, 0xc8c0b4);
  c.hline(2, 29, 20, 0xe6e0d6);
  c.hline(2, 29, 31, 0x8a847c);
  c.rect(0, 0, 4, 22, f.frame);
  c.rect(28, 0, 4, 22, f.frame);
  c.vline(4, 0, 21, shade(f.frame, -0.4));
  c.vline(27, 0, 21, shade(f.frame, -0.4));
}
