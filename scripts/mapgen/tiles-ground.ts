/**
 * Ground painters: grass, paths, water, streets and the floors of rooms.
 * Each takes a 32x32 canvas; variants are small integers mixed into the noise.
 */
import { Canvas, Color, bayer, mix, shade } from "./canvas";
import { noise } from "./rng";
import { P } from "./palette";

const T = 32;

/** Grass with blades and specks; detail adds tufts, pebbles or small flowers. */
export function paintGrass(c: Canvas, variant: number, detail: string): void {
  for (let y = 0; y < T; y++) {
    for (let x = 0; x < T; x++) {
      const n = noise(x, y, 11 + variant);
      const d = bayer(x, y);
      let col: Color = P.grass;
      if (n < 0.1) col = P.grassDark;
      else if (n > 0.93) col = P.grassLight;
      else if (noise(x >> 2, y >> 2, 3 + variant) > 0.8 && d > 0.5) col = mix(P.grass, P.grassLight, 0.35);
      c.px(x, y, col);
    }
  }
  for (let k = 0; k < 7; k++) {
    const x = Math.floor(noise(k, variant, 21) * 30) + 1;
    const y = Math.floor(noise(variant, k, 22) * 28) + 2;
    c.px(x, y, P.grassLight);
    c.px(x, y + 1, P.grassDark);
    c.px(x + 1, y + 1, P.grassDark);
  }
  if (detail === "tuft") paintTuft(c, 8 + (variant % 3) * 6, 10 + (variant % 2) * 8);
  if (detail === "pebble") paintPebbles(c, variant);
  if (detail.startsWith("flower")) paintFlowers(c, detail.slice(7), variant);
}

function paintTuft(c: Canvas, x: number, y: number): void {
  const blades = [[0, 4], [2, 6], [4, 5], [6, 3], [8, 5], [10, 4]];
  for (const [dx, h] of blades) {
    c.vline(x + dx, y + 8 - h, y + 8, P.grassDark);
    c.px(x + dx, y + 8 - h, P.grassLight);
  }
  c.hline(x - 1, x + 11, y + 9, P.leafDark, 110);
}

function paintPebbles(c: Canvas, v: number): void {
  for (let k = 0; k < 3; k++) {
    const x = 4 + Math.floor(noise(k, v, 31) * 22);
    const y = 4 + Math.floor(noise(v, k, 32) * 22);
    c.rect(x, y, 3, 2, P.stone);
    c.px(x, y, shade(P.stone, 0.4));
    c.hline(x, x + 2, y + 2, P.grassDark);
  }
}

const FLOWER_COLORS: Record<string, Color[]> = {
  white: [0xf6f2e8, 0xeae3d2],
  yellow: [0xf2d24a, 0xe8a83a],
  pink: [0xf0a0c0, 0xd8708c],
  blue: [0x9cb8f0, 0x6a84d0],
  red: [0xe05a4a, 0xb83c34],
  mixed: [0xf2d24a, 0xf0a0c0, 0xf6f2e8, 0x9cb8f0],
};

function paintFlowers(c: Canvas, color: string, v: number): void {
  const cols = FLOWER_COLORS[color] ?? FLOWER_COLORS.mixed;
  for (let k = 0; k < 6; k++) {
    const x = 3 + Math.floor(noise(k, v, 41) * 25);
    const y = 3 + Math.floor(noise(v, k, 42) * 25);
    const col = cols[k % cols.length];
    c.px(x, y + 2, P.leafDark);
    c.px(x - 1, y, col);
    c.px(x + 1, y, col);
    c.px(x, y - 1, col);
    c.px(x, y + 1, col);
    c.px(x, y, P.yellow);
  }
}

/**
 * Soft blend between a terrain and grass from a 3x3 membership mask (bit k set
 * when neighbour k belongs; k = 0..8 row by row, 4 is the centre). Returns for
 * each of the 32x32 pixels a value in [0, 1]: > 0.5 is inside the terrain.
 * Straight edges fall on tile borders; corners come out rounded. Every pixel's
 * blur window stays inside the 3x3 block, so neighbouring tiles agree.
 */
export function blendField(mask: number, radius = 7): Float32Array {
  const S = 96;
  let img: Float32Array = new Float32Array(S * S);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) img[y * S + x] = (mask >> (Math.floor(y / 32) * 3 + Math.floor(x / 32))) & 1;
  for (let pass = 0; pass < 2; pass++) img = boxBlur(img, S, radius);
  const out = new Float32Array(T * T);
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) out[y * T + x] = img[(y + 32) * S + x + 32];
  return out;
}

function boxBlur(src: Float32Array, S: number, r: number): Float32Array {
  const tmp = new Float32Array(S * S);
  const out = new Float32Array(S * S);
  const at = (a: Float32Array, x: number, y: number) => a[Math.min(S - 1, Math.max(0, y)) * S + Math.min(S - 1, Math.max(0, x))];
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
    let s = 0;
    for (let k = -r; k <= r; k++) s += at(src, x + k, y);
    tmp[y * S + x] = s / (2 * r + 1);
  }
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
    let s = 0;
    for (let k = -r; k <= r; k++) s += at(tmp, x, y + k);
    out[y * S + x] = s / (2 * r + 1);
  }
  return out;
}

/** Pond water over grass, with a stone rim and a light shallow band. */
export function paintWaterBlend(c: Canvas, mask: number): void {
  paintGrass(c, 0, "");
  const f = blendField(mask, 11);
  for (let y = 0; y < T; y++) {
    for (let x = 0; x < T; x++) {
      const v = f[y * T + x];
      if (v < 0.36) continue;
      if (v < 0.44) c.px(x, y, noise(x, y, 7) > 0.5 ? P.stone : shade(P.stone, 0.25));
      else if (v < 0.5) c.px(x, y, shade(P.stone, -0.35));
      else if (v < 0.56) c.px(x, y, P.waterLight);
      else c.px(x, y, waterColor(x, y, v));
    }
  }
}

function waterColor(x: number, y: number, depth: number): Color {
  const deep = depth > 0.85 && bayer(x, y) < (depth - 0.85) * 5;
  const base = deep ? P.waterDeep : P.water;
  const ripple = (x + Math.floor(y / 6) * 9) % 16 < 4 && y % 6 === 0 && noise(x >> 3, y, 5) > 0.45;
  return ripple ? mix(base, P.waterLight, 0.6) : base;
}

export function paintWater(c: Canvas, variant: number): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) c.px(x, y, waterColor(x + variant * 5, y, 1));
}

/** Dirt path (or sand) over grass with a ragged grass edge. */
export function paintDirtBlend(c: Canvas, mask: number, variant: number, sand = false): void {
  paintGrass(c, variant, "");
  const f = blendField(mask, 5);
  for (let y = 0; y < T; y++) {
    for (let x = 0; x < T; x++) {
      const v = f[y * T + x] + (noise(x, y, 9) - 0.5) * 0.12;
      if (v < 0.47) continue;
      if (v < 0.53) c.px(x, y, sand ? shade(P.sand, -0.25) : P.grassDark);
      else c.px(x, y, dirtColor(x, y, variant, sand ? P.sand : P.dirt));
    }
  }
}

function dirtColor(x: number, y: number, v: number, base: Color): Color {
  const n = noise(x, y, 60 + v);
  if (n < 0.1) return shade(base, -0.18);
  if (n > 0.94) return shade(base, 0.3);
  return base;
}

/** Sidewalk slab; edges is a 4-bit N/E/S/W mask of sides that meet a road (curb). */
export function paintSidewalk(c: Canvas, curb: number, variant: number): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const n = noise(x, y, 70 + variant);
    c.px(x, y, n < 0.08 ? P.concreteDark : n > 0.95 ? P.curb : P.concrete);
  }
  c.hline(0, 31, 0, shade(P.concrete, 0.25));
  c.vline(0, 0, 31, shade(P.concrete, 0.25));
  c.hline(0, 31, 31, P.concreteDark);
  c.vline(31, 0, 31, P.concreteDark);
  c.hline(1, 30, 15, P.concreteDark, 90);
  if (variant % 4 === 1) c.line(6, 20, 11, 24, P.concreteDark, 120);
  const curbSide = (side: number, draw: () => void) => (curb >> side) & 1 && draw();
  curbSide(0, () => { c.rect(0, 0, 32, 3, P.curb); c.hline(0, 31, 0, P.charcoal); });
  curbSide(1, () => { c.rect(29, 0, 3, 32, P.curb); c.vline(31, 0, 31, P.charcoal); });
  curbSide(2, () => { c.rect(0, 29, 32, 3, P.curb); c.hline(0, 31, 31, P.charcoal); });
  curbSide(3, () => { c.rect(0, 0, 3, 32, P.curb); c.vline(0, 0, 31, P.charcoal); });
}

/** Asphalt with an optional marking: cl-n/s/e/w centre dashes, zebra-h/v crossings. */
export function paintRoad(c: Canvas, mark: string, variant: number): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const n = noise(x, y, 80 + variant);
    c.px(x, y, n < 0.15 ? P.asphaltDark : n > 0.96 ? shade(P.asphalt, 0.2) : P.asphalt);
  }
  if (variant === 3) c.line(5, 8, 14, 12, P.asphaltDark);
  if (mark === "cl-s") c.rect(4, 30, 24, 2, P.lane);
  if (mark === "cl-n") c.rect(4, 0, 24, 2, P.lane);
  if (mark === "cl-e") c.rect(30, 4, 2, 24, P.lane);
  if (mark === "cl-w") c.rect(0, 4, 2, 24, P.lane);
  if (mark === "zebra-v") for (let x = 2; x < 32; x += 8) c.rect(x, 3, 5, 26, P.white);
  if (mark === "zebra-h") for (let y = 2; y < 32; y += 8) c.rect(3, y, 26, 5, P.white);
  if (mark === "stall") { c.rect(0, 0, 2, 32, P.white); c.rect(30, 0, 2, 32, P.white); }
  if (mark === "manhole") {
    c.ellipse(16, 16, 8, 8, P.charcoal);
    c.ellipse(16, 16, 6, 6, P.metalDark);
    for (let k = 11; k <= 21; k += 3) c.hline(12, 20, k, P.charcoal);
  }
}

/** Paved stone path (park paths, plazas). */
export function paintPavers(c: Canvas, variant: number): void {
  c.rect(0, 0, 32, 32, shade(P.cobble, -0.25));
  for (let row = 0; row < 4; row++) {
    const off = row % 2 ? 8 : 0;
    for (let col = -1; col < 3; col++) {
      const x = col * 16 + off;
      const tint = noise(col + 9, row, 90 + variant);
      const base = tint < 0.3 ? shade(P.cobble, -0.08) : tint > 0.8 ? shade(P.cobble, 0.12) : P.cobble;
      c.rect(x + 1, row * 8 + 1, 14, 6, base);
      c.hline(x + 1, x + 14, row * 8 + 1, shade(base, 0.25));
    }
  }
}
