/**
 * Home furniture art: beds, desks, storage, seating, kitchen and bathroom.
 * Each painter gets a canvas of the item's footprint plus its overhang rows
 * (tall items lean their top onto the wall tile above) and a variant number.
 */
import { Canvas, shade } from "./canvas";
import { block, books, chair, finish, grain, pottedPlant } from "./art-kit";
import { P } from "./palette";

const BLANKETS = [0x4a70c0, 0xc8443c, 0x5a9c4a, 0xe0a040, 0x8a5aa8, 0x3a9c9c, 0xe08aa8];
const FABRICS = [0x7a5aa0, 0x4a7a9a, 0xb05a4a, 0x5a8a5a, 0xc8a050, 0x8a6a5a];
export const WOODS = [P.wood, P.woodDark, P.woodLight, P.woodRed];

export function bedSingle(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[v % WOODS.length];
    block(l, 2, 1, 28, 10, 4, wood);
    l.rect(4, 8, 24, 50, P.white);
    l.rect(6, 10, 20, 10, 0xf8f6f0);
    l.hline(6, 25, 19, 0xd8d4cc);
    const b = BLANKETS[v % BLANKETS.length];
    l.rect(3, 22, 26, 36, b);
    l.rect(3, 22, 26, 4, shade(b, 0.35));
    for (let y = 30; y < 56; y += 8) l.hline(4, 27, y, shade(b, -0.15));
    l.vline(3, 22, 57, shade(b, -0.25));
    l.vline(28, 22, 57, shade(b, -0.3));
    block(l, 2, 56, 28, 7, 3, wood);
  });
}

export function bedDouble(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 1) % WOODS.length];
    block(l, 2, 1, 60, 11, 4, wood);
    l.rect(4, 9, 56, 49, P.white);
    l.rect(7, 11, 22, 10, 0xf8f6f0);
    l.rect(35, 11, 22, 10, 0xf8f6f0);
    l.hline(7, 28, 20, 0xd8d4cc);
    l.hline(35, 56, 20, 0xd8d4cc);
    const b = BLANKETS[(v + 3) % BLANKETS.length];
    l.rect(3, 23, 58, 35, b);
    l.rect(3, 23, 58, 5, shade(b, 0.35));
    for (let x = 10; x < 60; x += 12) l.vline(x, 29, 56, shade(b, -0.12));
    l.vline(3, 23, 57, shade(b, -0.25));
    l.vline(60, 23, 57, shade(b, -0.3));
    block(l, 2, 56, 60, 7, 3, wood);
  });
}

/** Desk with a chair tucked in front; v picks what is on top. */
export function desk(c: Canvas, v: number, top: "papers" | "computer" | "typewriter" = "papers"): void {
  finish(c, (l) => {
    const wood = WOODS[v % WOODS.length];
    block(l, 1, 4, 62, 20, 6, wood);
    grain(l, 1, 4, 62, 14, wood, 9);
    l.vline(3, 24, 29, shade(wood, -0.4));
    l.vline(60, 24, 29, shade(wood, -0.4));
    block(l, 40, 18, 18, 11, 7, shade(wood, -0.05));
    l.rect(47, 22, 4, 1, P.metal);
    if (top === "computer") {
      l.rect(10, 0, 22, 13, P.charcoal);
      l.rect(12, 2, 18, 9, v % 2 ? 0x5ab0e0 : 0x6ad0a0);
      l.line(13, 9, 18, 3, 0xc8ecff);
      l.rect(19, 13, 4, 3, P.charcoal);
      l.rect(9, 15, 20, 4, 0xd8d8d8);
      l.hline(10, 27, 16, 0xa8a8a8);
      l.rect(33, 14, 4, 5, 0xd8d8d8);
      l.rect(38, 3, 8, 14, 0x3a3a44);
      l.px(41, 5, 0x6ae06a);
    } else if (top === "typewriter") {
      l.rect(12, 6, 22, 12, 0x4a4a50);
      l.rect(14, 3, 18, 5, P.white);
      l.rect(14, 12, 18, 4, 0x2a2a30);
      for (let x = 15; x < 31; x += 3) l.px(x, 13, P.white);
      l.rect(38, 8, 12, 9, P.paper);
      l.rect(40, 6, 12, 9, P.white);
    } else {
      l.rect(6, 7, 14, 10, P.white);
      l.rect(9, 5, 14, 10, P.paper);
      for (let y = 7; y < 14; y += 2) l.hline(11, 20, y, 0xa8a098);
      l.rect(46, 4, 6, 3, 0xeec84a);
      l.vline(48, 7, 12, P.metalDark);
      l.rect(46, 12, 6, 3, P.metalDark);
      books(l, 28, 40, 15, 8, v);
    }
    chair(l, 26, 27, shade(wood, -0.1), "s");
  });
}

export function wardrobe(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 2) % WOODS.length];
    block(l, 2, 6, 60, 6, 0, shade(wood, 0.15));
    l.rect(2, 12, 60, 48, wood);
    l.frame(2, 12, 60, 48, shade(wood, -0.35));
    l.vline(32, 13, 58, shade(wood, -0.4));
    l.frame(6, 16, 22, 38, shade(wood, -0.18));
    l.frame(36, 16, 22, 38, shade(wood, -0.18));
    l.rect(28, 32, 2, 6, P.yellow);
    l.rect(34, 32, 2, 6, P.yellow);
    l.rect(2, 58, 60, 4, shade(wood, -0.45));
  });
}

/** Tall bookcase against the wall (overhang 1). */
export function bookcase(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 1) % WOODS.length];
    l.rect(2, 6, 60, 56, wood);
    l.hline(2, 61, 6, shade(wood, 0.3));
    l.rect(5, 10, 54, 48, shade(wood, -0.45));
    for (let k = 0; k < 4; k++) {
      const y = 22 + k * 12;
      books(l, 6, 57, y - 1, 10, v * 13 + k * 7);
      l.rect(5, y - 1, 54, 2, wood);
    }
    l.rect(2, 58, 60, 4, shade(wood, -0.3));
  });
}

export function sofa(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    const f = FABRICS[v % FABRICS.length];
    l.roundRect(1, 2, w - 2, 12, shade(f, -0.1));
    l.hline(2, w - 3, 2, shade(f, 0.25));
    l.rect(1, 12, w - 2, 16, f);
    const seats = Math.round((w - 12) / 20);
    const sw = (w - 12) / seats;
    for (let k = 0; k < seats; k++) {
      const x = Math.round(6 + k * sw);
      l.rect(x, 13, Math.round(sw) - 1, 11, shade(f, 0.12));
      l.hline(x, x + Math.round(sw) - 2, 13, shade(f, 0.3));
    }
    l.rect(1, 8, 6, 20, shade(f, -0.15));
    l.rect(w - 7, 8, 6, 20, shade(f, -0.15));
    l.hline(1, 6, 8, shade(f, 0.2));
    l.hline(w - 7, w - 2, 8, shade(f, 0.2));
    l.rect(1, 26, w - 2, 3, shade(f, -0.35));
  });
}

export function armchair(c: Canvas, v: number): void {
  sofa(c, v + 2);
}

/** Sofa seen from behind (it faces north, toward a TV). */
export function sofaBack(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    const f = FABRICS[v % FABRICS.length];
    l.rect(1, 3, w - 2, 14, shade(f, 0.1));
    l.hline(2, w - 3, 3, shade(f, 0.3));
    l.rect(1, 14, w - 2, 14, shade(f, -0.12));
    l.hline(1, w - 2, 14, shade(f, 0.15));
    l.rect(1, 3, 6, 22, shade(f, -0.2));
    l.rect(w - 7, 3, 6, 22, shade(f, -0.2));
    for (let x = 12; x < w - 8; x += 14) l.vline(x, 16, 26, shade(f, -0.25));
    l.rect(1, 26, w - 2, 3, shade(f, -0.4));
  });
}

/** Low TV cabinet with the set rising onto the wall tile (overhang 1). */
export function tv(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 3) % WOODS.length];
    l.rect(8, 18, 48, 26, P.charcoal);
    l.rect(10, 20, 44, 22, v % 2 ? 0x2a3a5a : 0x1e2a3e);
    l.line(14, 38, 26, 22, 0x4a6a9a);
    l.line(16, 39, 28, 23, 0x3a5a8a);
    l.rect(28, 44, 8, 3, P.charcoal);
    block(l, 2, 46, 60, 16, 8, wood);
    l.frame(6, 55, 24, 6, shade(wood, -0.3));
    l.frame(34, 55, 24, 6, shade(wood, -0.3));
  });
}

export function coffeeTable(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 1) % WOODS.length];
    block(l, 4, 8, 56, 18, 5, wood);
    l.rect(12, 12, 8, 6, P.white);
    l.rect(14, 13, 4, 3, 0x8a5a3a);
    l.ellipse(44, 15, 6, 4, 0xc8443c);
    l.ellipse(44, 14, 3, 2, 0xeec84a);
  });
}

export function piano(c: Canvas, v: number): void {
  finish(c, (l) => {
    const body = v % 2 ? 0x2a2228 : 0x5a3424;
    l.rect(2, 10, 60, 36, body);
    l.hline(2, 61, 10, shade(body, 0.35));
    l.rect(6, 16, 52, 18, shade(body, 0.12));
    l.rect(20, 18, 24, 6, P.paper);
    l.rect(2, 44, 60, 10, P.white);
    for (let x = 4; x < 60; x += 4) l.vline(x, 44, 53, 0xc8c4bc);
    for (let x = 5; x < 59; x += 4) if (x % 28 !== 9) l.rect(x, 44, 2, 6, P.ink);
    l.rect(2, 54, 60, 8, body);
    l.rect(8, 60, 4, 2, P.yellow);
    l.rect(52, 60, 4, 2, P.yellow);
  });
}

export function easel(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.line(6, 30, 14, 2, P.woodDark);
    l.line(26, 30, 18, 2, P.woodDark);
    l.line(16, 4, 16, 30, P.wood);
    l.rect(5, 4, 22, 17, P.white);
    const paint = [[0x6ab0e0, 0x5a9c4a], [0xe0843c, 0xeec84a], [0xe08aa8, 0x8a5aa8]][v % 3];
    l.rect(7, 6, 18, 7, paint[0]);
    l.rect(7, 13, 18, 6, paint[1]);
    l.ellipse(20, 9, 3, 3, P.yellow);
    l.rect(4, 21, 24, 2, P.wood);
  });
}

export function guitar(c: Canvas, v: number): void {
  finish(c, (l) => {
    const body = v % 2 ? 0xc87a3a : 0xa83c2c;
    l.rect(15, 2, 3, 14, P.woodDark);
    l.rect(14, 0, 5, 4, P.charcoal);
    l.ellipse(16.5, 18, 6, 5, body);
    l.ellipse(16.5, 25, 8, 6, body);
    l.ellipse(16.5, 21, 2.5, 2, P.ink);
    l.vline(16, 4, 28, 0xe8e0c8);
    l.line(8, 31, 16, 27, P.charcoal);
    l.line(25, 31, 17, 27, P.charcoal);
  });
}

export function cameraTripod(c: Canvas): void {
  finish(c, (l) => {
    l.line(6, 30, 16, 12, P.charcoal);
    l.line(26, 30, 16, 12, P.charcoal);
    l.line(16, 30, 16, 12, P.charcoal);
    l.rect(8, 3, 16, 10, 0x2a2a30);
    l.ellipse(16, 8, 4, 4, 0x6a7a8a);
    l.ellipse(16, 8, 2, 2, 0x9cc0e0);
    l.rect(20, 1, 3, 2, 0xc8443c);
  });
}

/** Dresser with a round mirror on the wall (overhang 1). */
export function vanity(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 2) % WOODS.length];
    l.ellipse(32, 22, 14, 16, 0xd8b060);
    l.ellipse(32, 22, 11, 13, 0xbcdcec);
    l.line(26, 28, 36, 12, 0xeef8ff);
    for (const [x, y] of [[16, 14], [16, 24], [48, 14], [48, 24]]) l.ellipse(x, y, 2, 2, 0xfff0b0);
    block(l, 2, 36, 60, 26, 14, wood);
    l.frame(6, 49, 24, 11, shade(wood, -0.3));
    l.frame(34, 49, 24, 11, shade(wood, -0.3));
    l.rect(12, 40, 4, 6, 0xe08aa8);
    l.rect(20, 41, 3, 5, 0x8a5aa8);
    l.ellipse(44, 43, 4, 3, 0xf0e2c0);
  });
}

export function nightstand(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[v % WOODS.length];
    block(l, 5, 12, 22, 18, 9, wood);
    l.rect(14, 24, 4, 2, P.yellow);
    l.ellipse(16, 8, 7, 5, v % 2 ? 0xf0e2c0 : 0xe8c0a0);
    l.rect(15, 12, 2, 4, P.metalDark);
  });
}

export function plant(c: Canvas, v: number): void {
  finish(c, (l) => pottedPlant(l, 16, 30, [P.leaf, P.green, 0x4a8a5a][v % 3], [0xb8643c, 0xd8d4cc, 0x4a70c0][v % 3]));
}

export function floorLamp(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.ellipse(16, 29, 7, 2, P.charcoal);
    l.vline(16, 10, 28, P.metalDark);
    l.rect(9, 2, 14, 10, v % 2 ? 0xf0e2c0 : 0xe8c890);
    l.hline(9, 22, 2, 0xfff8e0);
    l.hline(9, 22, 11, shade(0xf0e2c0, -0.3));
  });
}

export function dresser(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = WOODS[(v + 1) % WOODS.length];
    block(l, 2, 6, 60, 24, 14, wood);
    for (let k = 0; k < 2; k++) l.frame(5 + k * 28, 18, 26, 10, shade(wood, -0.3));
    l.rect(10, 8, 8, 6, 0xd8b060);
    l.rect(11, 9, 6, 4, 0xa8c8e8);
    l.ellipse(44, 11, 5, 3, P.leaf);
  });
}

/** A chair to sit on: drawn on the furniture layer but walkable. */
export function looseChair(c: Canvas, v: number, back: "n" | "s" | "e" | "w"): void {
  // a chair leans toward the table it belongs to, away from its back
  const cx = back === "w" ? 12 : back === "e" ? 20 : 16;
  const cy = back === "n" ? 21 : back === "s" ? 11 : 16;
  finish(c, (l) => chair(l, cx, cy, WOODS[v % WOODS.length], back), false);
}
