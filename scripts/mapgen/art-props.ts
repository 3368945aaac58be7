/**
 * Outdoor props for yards, the campus and shop fronts: sheds, barbecues,
 * swings, a statue, bike racks, parasol tables and lumber.
 */
import { Canvas, shade } from "./canvas";
import { block, finish } from "./art-kit";
import { P } from "./palette";

/** Garden shed, 2x2: pitched roof seen from above, door in the front wall. */
export function shed(c: Canvas, v: number): void {
  const roof = [0x8a3a2a, 0x4a5a6a, 0x5a6a3a][v % 3];
  const wall = [0xc8a070, 0xb8c0c8, 0xd8c8a0][v % 3];
  finish(c, (l) => {
    l.rect(4, 30, 56, 30, wall);
    for (let x = 8; x < 60; x += 6) l.vline(x, 31, 59, shade(wall, -0.12));
    l.rect(24, 38, 14, 22, shade(wall, -0.35));
    l.px(35, 49, P.yellow);
    l.rect(44, 38, 10, 8, 0x9cc8e6);
    l.frame(44, 38, 10, 8, P.white);
    for (let y = 2; y < 34; y++) {
      const inset = Math.max(0, 6 - y);
      l.hline(1 + inset, 62 - inset, y, y % 5 === 0 ? shade(roof, -0.25) : y < 17 ? shade(roof, 0.12) : roof);
    }
    l.hline(1, 62, 17, shade(roof, -0.35));
    l.hline(1, 62, 33, shade(roof, -0.45));
  });
}

export function bbq(c: Canvas): void {
  finish(c, (l) => {
    l.line(10, 30, 14, 20, P.charcoal);
    l.line(22, 30, 18, 20, P.charcoal);
    l.ellipse(16, 16, 11, 7, 0x2e2e36);
    l.ellipse(16, 14, 9, 5, 0x4a4a52);
    for (let x = 9; x < 24; x += 3) l.vline(x, 11, 17, 0x8a8a92);
    l.ellipse(13, 14, 2, 1.5, 0xc86a4a);
    l.ellipse(19, 15, 2, 1.5, 0xc86a4a);
  });
}

/** Swing set, 2x1: an A-frame seen from above with two seats. */
export function swing(c: Canvas, v: number): void {
  finish(c, (l) => {
    const frame = v % 2 ? 0xc8443c : 0x4a70c0;
    l.rect(2, 6, 60, 3, frame);
    for (const x of [2, 59]) { l.line(x, 8, x - 1, 28, frame); l.line(x + 2, 8, x + 3, 28, frame); }
    for (const x of [18, 40]) {
      l.vline(x, 9, 20, P.charcoal);
      l.vline(x + 6, 9, 20, P.charcoal);
      l.rect(x - 1, 20, 9, 3, P.woodDark);
    }
  });
}

/** Bronze founder on a stone plinth, 2x2. */
export function statue(c: Canvas): void {
  finish(c, (l) => {
    block(l, 8, 34, 48, 26, 10, 0xc8c0b4);
    l.rect(16, 52, 32, 3, 0xa8a094);
    l.rect(22, 53, 20, 1, 0x6a6a6a);
    const bronze = 0x6a7a5a;
    l.ellipse(32, 10, 6, 6, bronze);
    l.rect(24, 16, 16, 16, bronze);
    l.rect(20, 17, 4, 12, shade(bronze, -0.15));
    l.rect(40, 12, 4, 8, shade(bronze, -0.15));
    l.rect(41, 6, 6, 6, shade(bronze, 0.1));
    l.rect(25, 32, 6, 8, shade(bronze, -0.2));
    l.rect(33, 32, 6, 8, shade(bronze, -0.2));
    l.px(30, 8, shade(bronze, 0.4));
    l.vline(26, 17, 30, shade(bronze, 0.25));
  });
}

export function bikeRack(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.rect(2, 22, 60, 3, P.metalDark);
    for (let x = 6; x < 60; x += 10) l.rect(x, 12, 2, 12, P.metal);
    const bikes = [0xc8443c, 0x3a8a5a, 0xeec84a];
    for (let k = 0; k < 2 + (v % 2); k++) {
      const x = 8 + k * 20;
      l.ellipse(x + 2, 10, 4, 4, P.ink);
      l.ellipse(x + 2, 10, 2.5, 2.5, P.metal);
      l.ellipse(x + 2, 24, 4, 4, P.ink);
      l.ellipse(x + 2, 24, 2.5, 2.5, P.metal);
      l.vline(x + 2, 11, 23, bikes[k % 3]);
      l.hline(x - 1, x + 5, 14, P.charcoal);
    }
  });
}

/** Cafe table under a striped parasol (the parasol covers the tile). */
export function parasolTable(c: Canvas, v: number): void {
  const col = [0x3a8a6a, 0xc8443c, 0xe0a03a][v % 3];
  finish(c, (l) => {
    for (let y = 0; y < 28; y++) for (let x = 0; x < 32; x++) {
      const dx = x - 15.5, dy = (y - 13) * 1.15;
      const d = Math.hypot(dx, dy);
      if (d > 14.5) continue;
      const seg = Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 8) % 2;
      const base = seg ? col : 0xf4efe4;
      l.px(x, y, d > 13 ? shade(base, -0.3) : dx + dy < -6 ? shade(base, 0.15) : base);
    }
    l.ellipse(15.5, 13, 1.5, 1.5, P.charcoal);
    l.rect(9, 27, 3, 4, P.woodDark);
    l.rect(20, 27, 3, 4, P.woodDark);
  });
}

export function lumber(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    for (let k = 0; k < 4; k++) {
      const y = 6 + k * 6;
      const col = shade(v % 2 ? 0xc89a60 : 0xb8864e, (k % 2) * 0.08);
      l.rect(2 + (k % 2) * 3, y, w - 6, 6, col);
      l.hline(2 + (k % 2) * 3, w - 5 + (k % 2) * 3, y, shade(col, 0.2));
      for (let x = 6; x < w - 6; x += 11) l.px(x + k, y + 3, shade(col, -0.25));
    }
  });
}

/** A low stone planter with a clipped shrub, for plazas. */
export function planter(c: Canvas, v: number): void {
  finish(c, (l) => {
    block(l, 3, 14, 26, 16, 7, 0xb8b0a4);
    l.ellipse(16, 12, 11, 8, v % 2 ? P.leaf : 0x5a9a4a);
    l.ellipse(12, 9, 4, 3, P.leafLight);
    if (v % 3 === 2) for (let k = 0; k < 5; k++) l.px(9 + k * 3, 8 + (k % 2) * 4, 0xf0a0c0);
  });
}

/** Row of mailboxes on a post, for the apartment lobby. */
export function mailboxes(c: Canvas): void {
  finish(c, (l) => {
    l.rect(3, 8, 26, 20, 0x8a8f98);
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) {
      l.frame(5 + k * 8, 10 + r * 6, 7, 5, 0x5a606a);
      l.px(10 + k * 8, 12 + r * 6, 0xe0c040);
    }
  });
}

/** Playground slide, 2x1: ladder on the left, chute down to the right. */
export function slide(c: Canvas, v: number): void {
  const col = v % 2 ? 0xe0843c : 0x3a9c9c;
  finish(c, (l) => {
    l.rect(4, 6, 12, 22, P.metalDark);
    for (let y = 9; y < 28; y += 4) l.hline(5, 14, y, P.metal);
    l.rect(4, 2, 14, 6, col);
    for (let x = 16; x < 60; x++) {
      const y = 4 + Math.floor(((x - 16) * 20) / 44);
      l.vline(x, y, y + 6, x % 6 < 3 ? col : shade(col, 0.15));
      l.px(x, y + 7, shade(col, -0.35));
    }
  });
}
