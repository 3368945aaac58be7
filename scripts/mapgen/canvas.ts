/**
 * Pixel drawing on an RGBA buffer: the only drawing surface of the generator.
 * Colours are 0xRRGGBB numbers; alpha is passed separately (0-255).
 */
import { PNG } from "pngjs";

export type Color = number;

export function rgbOf(c: Color): [number, number, number] {
  return [(c >> 16) & 255, (c >> 8) & 255, c & 255];
}

export function fromRgb(r: number, g: number, b: number): Color {
  const k = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return (k(r) << 16) | (k(g) << 8) | k(b);
}

/** Linear mix of two colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: Color, b: Color, t: number): Color {
  const [ar, ag, ab] = rgbOf(a);
  const [br, bg, bb] = rgbOf(b);
  return fromRgb(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

/** Lighten (f > 0, toward a warm white) or darken (f < 0, toward a cool dark). */
export function shade(c: Color, f: number): Color {
  return f >= 0 ? mix(c, 0xfff8e8, f) : mix(c, 0x1a1424, -f);
}

/** 4x4 Bayer matrix: ordered dithering thresholds in [0, 1). */
const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];
export function bayer(x: number, y: number): number {
  return BAYER[(y & 3) * 4 + (x & 3)] / 16;
}

export class Canvas {
  readonly data: Uint8Array;

  constructor(readonly w: number, readonly h: number) {
    this.data = new Uint8Array(w * h * 4);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.w && y < this.h;
  }

  alpha(x: number, y: number): number {
    return this.inside(x, y) ? this.data[(y * this.w + x) * 4 + 3] : 0;
  }

  get(x: number, y: number): Color {
    const i = (y * this.w + x) * 4;
    return (this.data[i] << 16) | (this.data[i + 1] << 8) | this.data[i + 2];
  }

  /** Paint one pixel, blending over what is there when a < 255. */
  px(x: number, y: number, c: Color, a = 255): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (!this.inside(x, y) || a <= 0) return;
    const i = (y * this.w + x) * 4;
    const [r, g, b] = rgbOf(c);
    const da = this.data[i + 3];
    if (a >= 255 || da === 0) {
      this.data[i] = r;
      this.data[i + 1] = g;
      this.data[i + 2] = b;
      this.data[i + 3] = a >= 255 ? 255 : Math.max(da, a);
      return;
    }
    const t = a / 255;
    this.data[i] = Math.round(this.data[i] * (1 - t) + r * t);
    this.data[i + 1] = Math.round(this.data[i + 1] * (1 - t) + g * t);
    this.data[i + 2] = Math.round(this.data[i + 2] * (1 - t) + b * t);
    this.data[i + 3] = Math.min(255, Math.round(da + a * (1 - da / 255)));
  }

  rect(x: number, y: number, w: number, h: number, c: Color, a = 255): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.px(x + i, y + j, c, a);
  }

  /** A 1 px border inside the rectangle. */
  frame(x: number, y: number, w: number, h: number, c: Color, a = 255): void {
    this.hline(x, x + w - 1, y, c, a);
    this.hline(x, x + w - 1, y + h - 1, c, a);
    this.vline(x, y + 1, y + h - 2, c, a);
    this.vline(x + w - 1, y + 1, y + h - 2, c, a);
  }

  hline(x0: number, x1: number, y: number, c: Color, a = 255): void {
    for (let x = x0; x <= x1; x++) this.px(x, y, c, a);
  }

  vline(x: number, y0: number, y1: number, c: Color, a = 255): void {
    for (let y = y0; y <= y1; y++) this.px(x, y, c, a);
  }

  line(x0: number, y0: number, x1: number, y1: number, c: Color, a = 255): void {
    const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let k = 0; k <= n; k++) this.px(Math.round(x0 + ((x1 - x0) * k) / n), Math.round(y0 + ((y1 - y0) * k) / n), c, a);
  }

  /** Filled ellipse centred at (cx, cy) with half-axes rx, ry (pixel centres). */
  ellipse(cx: number, cy: number, rx: number, ry: number, c: Color, a = 255): void {
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1) this.px(x, y, c, a);
      }
    }
  }

  /** Rectangle with its four corner pixels left out: a cheap rounded box. */
  roundRect(x: number, y: number, w: number, h: number, c: Color, a = 255): void {
    this.rect(x + 1, y, w - 2, h, c, a);
    this.rect(x, y + 1, 1, h - 2, c, a);
    this.rect(x + w - 1, y + 1, 1, h - 2, c, a);
  }

  /** Copy another canvas onto this one (alpha blended), optionally mirrored. */
  blit(src: Canvas, dx: number, dy: number, flipX = false): void {
    for (let y = 0; y < src.h; y++) {
      for (let x = 0; x < src.w; x++) {
        const sx = flipX ? src.w - 1 - x : x;
        const a = src.alpha(sx, y);
        if (a > 0) this.px(dx + x, dy + y, src.get(sx, y), a);
      }
    }
  }

  crop(x: number, y: number, w: number, h: number): Canvas {
    const out = new Canvas(w, h);
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        if (!this.inside(x + i, y + j)) continue;
        const s = ((y + j) * this.w + x + i) * 4;
        const d = (j * w + i) * 4;
        for (let k = 0; k < 4; k++) out.data[d + k] = this.data[s + k];
      }
    }
    return out;
  }

  /** Draw colour c on every transparent pixel that touches an opaque one (4-neighbours). */
  outline(c: Color): void {
    const marks: number[] = [];
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        if (this.alpha(x, y) > 0) continue;
        if (this.alpha(x - 1, y) > 128 || this.alpha(x + 1, y) > 128 || this.alpha(x, y - 1) > 128 || this.alpha(x, y + 1) > 128) {
          marks.push(x, y);
        }
      }
    }
    for (let k = 0; k < marks.length; k += 2) this.px(marks[k], marks[k + 1], c);
  }

  /** Silhouette of this canvas in one colour, for drop shadows. */
  silhouette(c: Color, a: number): Canvas {
    const out = new Canvas(this.w, this.h);
    for (let y = 0; y < this.h; y++) for (let x = 0; x < this.w; x++) if (this.alpha(x, y) > 0) out.px(x, y, c, a);
    return out;
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.w, height: this.h });
    png.data = Buffer.from(this.data);
    return PNG.sync.write(png);
  }
}
