/**
 * Room floors (planks, tiles, carpets, stone), rugs and door thresholds.
 * Patterns repeat every 32 px so neighbouring tiles join without seams.
 */
import { Canvas, Color, bayer, mix, shade } from "./canvas";
import { noise } from "./rng";
import { P, FloorName } from "./palette";

const T = 32;

const PLANKS: Partial<Record<FloorName, Color>> = { oak: 0xc08a56, walnut: 0x8a5a3a, pine: 0xdcb480 };

export function paintFloor(c: Canvas, floor: FloorName): void {
  const plank = PLANKS[floor];
  if (plank !== undefined) return paintPlanks(c, plank);
  switch (floor) {
    case "herringbone": return paintHerringbone(c);
    case "parquet": return paintParquet(c);
    case "checker": return paintChecker(c, 0xeee4cc, 0x9cb8a4, 16);
    case "kitchenTile": return paintTiles(c, 0xe8e4dc, 0xb8b4ac, 16);
    case "bathTile": return paintTiles(c, 0xcfe4ec, 0x98b4c0, 8);
    case "terracotta": return paintTiles(c, 0xc8744c, 0x8e4c34, 16);
    case "mosaic": return paintChecker(c, 0x3e4a66, 0xe8e0d0, 8);
    case "carpetRed": return paintCarpet(c, 0xa8484a);
    case "carpetBlue": return paintCarpet(c, 0x50689c);
    case "carpetGreen": return paintCarpet(c, 0x5e8a62);
    case "linoleum": return paintSpeckled(c, 0xd8d0bc, 0xb4ac98);
    case "concrete": return paintSpeckled(c, 0xb4b0a8, 0x948f88);
    case "stone": return paintFlagstone(c);
    default: return paintPlanks(c, 0xc08a56);
  }
}

/** Horizontal planks 8 px high, staggered joints, per-plank tint and grain. */
function paintPlanks(c: Canvas, base: Color): void {
  for (let row = 0; row < 4; row++) {
    const joint = [6, 22, 14, 28][row];
    for (let x = 0; x < T; x++) {
      const seg = x < joint ? 0 : 1;
      const tint = (noise(row, seg, 101) - 0.5) * 0.16;
      const col = tint >= 0 ? shade(base, tint) : shade(base, tint);
      for (let y = row * 8; y < row * 8 + 8; y++) {
        const grain = noise(x >> 2, y, 102 + row) > 0.86;
        c.px(x, y, grain ? shade(col, -0.1) : col);
      }
    }
    c.hline(0, 31, row * 8 + 7, shade(base, -0.32));
    c.hline(0, 31, row * 8, shade(base, 0.08));
    c.vline(joint, row * 8, row * 8 + 6, shade(base, -0.3));
  }
}

function paintHerringbone(c: Canvas): void {
  const a = 0xb88450, b = 0xa07042;
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const u = (x + y) % 16, v = (x - y + 64) % 16;
    const horiz = Math.floor((x + y) / 16) % 2 === 0;
    const col = horiz ? a : b;
    const seam = horiz ? v === 0 || u === 0 : u === 0 || v === 0;
    c.px(x, y, seam ? shade(col, -0.3) : noise(x, y, 111) > 0.9 ? shade(col, -0.08) : col);
  }
}

function paintParquet(c: Canvas): void {
  const a = 0xc69560, b = 0xae7e4c;
  for (let by = 0; by < 2; by++) for (let bx = 0; bx < 2; bx++) {
    const vertical = (bx + by) % 2 === 0;
    for (let j = 0; j < 16; j++) for (let i = 0; i < 16; i++) {
      const stripe = vertical ? i % 4 === 3 : j % 4 === 3;
      c.px(bx * 16 + i, by * 16 + j, stripe ? shade(a, -0.25) : (vertical ? i : j) < 8 ? a : b);
    }
    c.frame(bx * 16, by * 16, 16, 16, shade(a, -0.4));
  }
}

function paintChecker(c: Canvas, a: Color, b: Color, size: number): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const even = (Math.floor(x / size) + Math.floor(y / size)) % 2 === 0;
    const col = even ? a : b;
    c.px(x, y, noise(x, y, 121) > 0.95 ? shade(col, -0.06) : col);
  }
  for (let k = 0; k < T; k += size) c.hline(0, 31, k, shade(a, 0.3), 90);
}

function paintTiles(c: Canvas, face: Color, grout: Color, size: number): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const gx = x % size === size - 1, gy = y % size === size - 1;
    const hl = x % size === 0 || y % size === 0;
    c.px(x, y, gx || gy ? grout : hl ? shade(face, 0.25) : noise(x, y, 131) > 0.92 ? shade(face, -0.05) : face);
  }
}

function paintCarpet(c: Canvas, base: Color): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const n = noise(x, y, 141);
    const d = bayer(x, y);
    c.px(x, y, n < 0.15 ? shade(base, -0.12) : n > 0.85 && d > 0.5 ? shade(base, 0.1) : base);
  }
  for (let k = 4; k < T; k += 16) for (let j = 4; j < T; j += 16) c.px(k + 4, j + 4, shade(base, 0.25));
}

function paintSpeckled(c: Canvas, base: Color, speck: Color): void {
  for (let y = 0; y < T; y++) for (let x = 0; x < T; x++) {
    const n = noise(x, y, 151);
    c.px(x, y, n < 0.07 ? speck : n > 0.96 ? shade(base, 0.3) : base);
  }
  c.hline(0, 31, 31, shade(base, -0.12));
  c.vline(31, 0, 31, shade(base, -0.12));
}

function paintFlagstone(c: Canvas): void {
  const base = 0xa8a09a;
  c.rect(0, 0, 32, 32, shade(base, -0.3));
  const stones = [[1, 1, 17, 12], [19, 1, 12, 16], [1, 14, 11, 17], [13, 14, 5, 9], [19, 18, 12, 13], [13, 24, 5, 7]];
  stones.forEach(([x, y, w, h], k) => {
    const col = shade(base, (noise(k, 3, 161) - 0.5) * 0.2);
    c.roundRect(x, y, w, h, col);
    c.hline(x + 1, x + w - 2, y, shade(col, 0.2));
  });
}

/** A rug over a floor; sides is a 4-bit mask (N/E/S/W) of rug neighbours. */
export function paintRug(c: Canvas, floor: FloorName, color: Color, sides: number): void {
  paintFloor(c, floor);
  const x0 = sides & 8 ? 0 : 4, x1 = sides & 2 ? 31 : 27;
  const y0 = sides & 1 ? 0 : 4, y1 = sides & 4 ? 31 : 27;
  c.rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1, color);
  const trim = shade(color, -0.3);
  const inner = mix(color, P.cream, 0.55);
  if (!(sides & 1)) { c.hline(x0, x1, y0, trim); c.hline(x0, x1, y0 + 3, inner); }
  if (!(sides & 4)) { c.hline(x0, x1, y1, trim); c.hline(x0, x1, y1 - 3, inner); c.hline(x0, x1, y1 + 1, P.shadow, 60); }
  if (!(sides & 8)) { c.vline(x0, y0, y1, trim); c.vline(x0 + 3, y0 + (sides & 1 ? 0 : 3), y1 - (sides & 4 ? 0 : 3), inner); }
  if (!(sides & 2)) { c.vline(x1, y0, y1, trim); c.vline(x1 - 3, y0 + (sides & 1 ? 0 : 3), y1 - (sides & 4 ? 0 : 3), inner); }
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    if ((x * 3 + y * 5) % 11 === 0 && x > x0 + 5 && x < x1 - 5 && y > y0 + 5 && y < y1 - 5) c.px(x, y, shade(color, 0.22));
  }
}

/** A doorway: the room's floor with a wooden threshold; side says where the wall runs. */
export function paintThreshold(c: Canvas, floor: FloorName, horizontalWall: boolean): void {
  paintFloor(c, floor);
  if (horizontalWall) {
    c.rect(0, 10, 32, 12, 0x9a6a40);
    c.hline(0, 31, 10, 0xc89a68);
    c.hline(0, 31, 21, 0x5e3e26);
  } else {
    c.rect(10, 0, 12, 32, 0x9a6a40);
    c.vline(10, 0, 31, 0xc89a68);
    c.vline(21, 0, 31, 0x5e3e26);
  }
}

/** The welcome mat outside a front door, on whatever ground is there. */
export function paintDoormat(c: Canvas, base: (c: Canvas) => void, color: Color): void {
  base(c);
  c.rect(4, 8, 24, 16, shade(color, -0.35));
  c.rect(5, 9, 22, 14, color);
  for (let x = 6; x < 26; x += 2) c.vline(x, 10, 21, shade(color, 0.15));
  c.hline(4, 27, 24, P.shadow, 80);
}

/** A raised wooden stage; sides is the 4-bit mask (N/E/S/W) of stage neighbours. */
export function paintStage(c: Canvas, sides: number): void {
  const top = 0xc89060;
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
    const seam = y % 8 === 7;
    c.px(x, y, seam ? shade(top, -0.3) : noise(x >> 2, y, 171) > 0.85 ? shade(top, -0.08) : top);
  }
  if (!(sides & 4)) { c.rect(0, 25, 32, 7, 0x6a4028); c.hline(0, 31, 25, shade(top, 0.25)); c.hline(0, 31, 31, P.ink); }
  if (!(sides & 1)) c.hline(0, 31, 0, shade(top, 0.3));
  if (!(sides & 8)) { c.vline(0, 0, 31, P.ink); c.vline(1, 0, 24, shade(top, 0.2)); }
  if (!(sides & 2)) { c.vline(31, 0, 31, P.ink); c.vline(30, 0, 24, shade(top, -0.25)); }
}
