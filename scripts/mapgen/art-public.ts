/**
 * Furniture for the college, cafe, pub, shops and park. Same conventions as
 * art-home.ts: canvas = footprint plus overhang rows, v = variant.
 */
import { Canvas, Color, shade } from "./canvas";
import { block, books, chair, finish, grain } from "./art-kit";
import { P } from "./palette";

/** Blackboard on the wall (overhang 1) above a chalk ledge cabinet. */
export function blackboard(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    l.rect(2, 4, w - 4, 36, 0x8a6a44);
    l.rect(5, 7, w - 10, 30, v % 2 ? 0x2e4a3a : 0x2a3a2e);
    for (let k = 0; k < 5; k++) l.hline(10 + k * 7, 10 + k * 7 + 12 + ((k * 5) % 9), 12 + k * 5, 0xd8e0d8);
    l.line(w - 40, 30, w - 20, 14, 0xd8e0d8);
    l.ellipse(w - 24, 26, 6, 5, 0x2e4a3a);
    l.rect(4, 38, w - 8, 3, 0xa88a64);
    l.rect(14, 37, 6, 2, P.white);
    block(l, 2, 46, w - 4, 16, 8, P.woodLight);
  });
}

export function classroomDesk(c: Canvas, v: number): void {
  finish(c, (l) => {
    block(l, 3, 2, 26, 14, 4, P.woodPale, 0x8a7a6a);
    l.vline(5, 16, 18, P.metalDark);
    l.vline(26, 16, 18, P.metalDark);
    l.rect(8, 5, 9, 6, P.white);
    l.line(18, 9, 24, 6, v % 2 ? 0xc8443c : 0x4a70c0);
    chair(l, 16, 24, v % 3 === 0 ? 0x4a70c0 : v % 3 === 1 ? 0x5a9c4a : 0xc8443c, "s");
  });
}

export function podium(c: Canvas): void {
  finish(c, (l) => {
    l.rect(7, 8, 18, 22, P.woodDark);
    l.rect(5, 4, 22, 8, P.wood);
    l.hline(5, 26, 4, P.woodLight);
    l.rect(10, 5, 12, 5, P.white);
    l.rect(14, 16, 4, 8, P.yellow);
    l.vline(24, 0, 6, P.charcoal);
    l.rect(23, 0, 3, 2, P.charcoal);
  });
}

export function lectureDesk(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    block(l, 1, 2, w - 2, 14, 5, 0xb88a5a);
    for (let x = 10; x < w - 8; x += 32) {
      l.rect(x, 4, 10, 6, P.white);
      chair(l, x + 6, 24, v % 2 ? 0x7a3a3a : 0x3a4a7a, "s");
    }
  });
}

/** Free-standing shelf of books seen from the front. */
export function libraryShelf(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    const wood = v % 2 ? P.woodDark : P.woodRed;
    l.rect(1, 0, w - 2, 31, wood);
    l.hline(1, w - 2, 0, shade(wood, 0.3));
    l.rect(3, 2, w - 6, 27, shade(wood, -0.5));
    for (let k = 0; k < 3; k++) {
      books(l, 4, w - 5, 11 + k * 9, 8, v * 11 + k * 5);
      l.hline(3, w - 4, 11 + k * 9, wood);
    }
  });
}

export function libraryTable(c: Canvas, v: number): void {
  const w = c.w, h = c.h;
  finish(c, (l) => {
    block(l, 3, 4, w - 6, h - 10, 6, 0x9a6a40);
    grain(l, 3, 4, w - 6, h - 16, 0x9a6a40, 8);
    l.rect(10, 10, 10, 7, P.white);
    l.rect(w - 22, 12, 12, 8, 0xc8443c);
    l.rect(w - 20, 13, 8, 6, 0xeec84a);
    l.ellipse(w / 2, 12, 4, 3, 0x3a8a5a);
    l.vline(w / 2, 14, 18, P.metalDark);
    if (v % 2) l.rect(14, h - 22, 12, 8, 0x4a70c0);
  });
}

export function coffeeMachine(c: Canvas): void {
  finish(c, (l) => {
    block(l, 0, 2, 32, 28, 12, 0xd8c8a8, 0x8a5a3a);
    l.rect(5, 0, 22, 16, 0xb8bcc4);
    l.hline(5, 26, 0, 0xe0e4ea);
    l.rect(7, 3, 18, 5, 0x3a3a44);
    l.px(10, 5, 0xe05a4a);
    l.px(13, 5, 0x6ae06a);
    l.rect(10, 9, 3, 4, P.charcoal);
    l.rect(19, 9, 3, 4, P.charcoal);
    l.rect(9, 13, 5, 3, P.white);
  });
}

export function pastryCase(c: Canvas): void {
  const w = c.w;
  finish(c, (l) => {
    block(l, 0, 2, w, 28, 12, 0xd8c8a8, 0x8a5a3a);
    l.rect(3, 2, w - 6, 14, 0xc8e4f0);
    l.hline(3, w - 4, 2, 0xffffff);
    for (let x = 6; x < w - 6; x += 9) {
      l.ellipse(x + 3, 10, 3.5, 2.5, [0xd8a058, 0xe8c890, 0x8a4a2a, 0xf0a8c0][(x / 9) % 4 | 0]);
      l.px(x + 2, 9, 0xfff0d0);
    }
  });
}

/** Small round table; the chairs around it are separate (walkable). */
export function roundTable(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.rect(14, 20, 4, 8, P.charcoal);
    l.ellipse(16, 29, 7, 2, P.charcoal);
    l.ellipse(16, 14, 13, 10, v % 2 ? 0xc89058 : 0xf0ece4);
    l.ellipse(16, 13, 11, 8, v % 2 ? 0xd8a068 : 0xffffff);
    l.ellipse(11, 12, 4, 3, P.white);
    l.ellipse(11, 12, 2, 1.5, 0x6a3a24);
    l.ellipse(21, 15, 3, 2, 0xe0843c);
  });
}

export function pubTable(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    block(l, 3, 6, w - 6, 20, 6, 0x7a4a2a);
    grain(l, 3, 6, w - 6, 14, 0x7a4a2a, 7);
    l.rect(10, 9, 6, 8, 0xe8b040);
    l.hline(10, 15, 9, P.white);
    if (w > 40) { l.rect(w - 18, 10, 6, 8, 0x8a3a2a); l.hline(w - 18, w - 13, 10, 0xe8d8b0); }
    if (v % 2) l.ellipse(w / 2, 14, 4, 3, 0xc8c8c8);
  });
}

export function poolTable(c: Canvas): void {
  finish(c, (l) => {
    l.roundRect(2, 4, 92, 54, 0x6a3a24);
    l.rect(7, 9, 82, 44, 0x2a8a4a);
    l.rect(7, 9, 82, 2, 0x1e6a38);
    for (const [x, y] of [[7, 9], [48, 8], [88, 9], [7, 52], [48, 53], [88, 52]]) l.ellipse(x, y, 3, 3, P.ink);
    const balls: [number, number, Color][] = [[60, 30, 0xeec84a], [64, 27, 0xc8443c], [64, 33, 0x4a70c0], [68, 30, P.ink], [68, 24, 0x5a9c4a], [68, 36, 0xe0843c]];
    for (const [x, y, col] of balls) { l.ellipse(x, y, 2.5, 2.5, col); l.px(x - 1, y - 1, P.white); }
    l.ellipse(26, 30, 2.5, 2.5, P.white);
    l.line(8, 44, 23, 32, 0xd8b888);
    l.rect(2, 56, 92, 4, 0x4a2618);
  });
}

export function stageMic(c: Canvas): void {
  finish(c, (l) => {
    l.ellipse(16, 28, 8, 2.5, P.charcoal);
    l.vline(16, 8, 27, P.metalDark);
    l.line(16, 10, 22, 6, P.metalDark);
    l.ellipse(23, 5, 3, 3, 0x2a2a30);
    l.px(22, 4, P.metal);
    l.rect(4, 20, 7, 9, 0x3a3a44);
    l.ellipse(7.5, 24, 2, 2, 0x6a6a72);
  });
}

export function jukebox(c: Canvas): void {
  finish(c, (l) => {
    l.ellipse(16, 20, 13, 14, 0xc8443c);
    l.rect(3, 20, 26, 40, 0xa8342c);
    l.ellipse(16, 21, 9, 10, 0xeec84a);
    l.ellipse(16, 22, 7, 7, 0x6ad0e0);
    for (let y = 36; y < 52; y += 4) l.hline(7, 24, y, 0xeec84a);
    l.rect(3, 56, 26, 6, 0x6a2a22);
  });
}

export function parkBench(c: Canvas, v: number): void {
  finish(c, (l) => {
    const wood = v % 2 ? 0xb0743c : 0x9a6a40;
    l.rect(2, 4, 60, 8, wood);
    l.hline(2, 61, 4, shade(wood, 0.3));
    l.hline(2, 61, 8, shade(wood, -0.25));
    l.rect(2, 14, 60, 10, shade(wood, 0.08));
    l.hline(2, 61, 14, shade(wood, 0.3));
    l.hline(2, 61, 19, shade(wood, -0.2));
    for (const x of [5, 56]) { l.rect(x, 2, 3, 26, 0x3a3a44); l.hline(x, x + 2, 2, 0x6a6a74); }
  });
}

export function fountain(c: Canvas): void {
  finish(c, (l) => {
    l.ellipse(48, 50, 44, 36, 0xb8b0a4);
    l.ellipse(48, 48, 44, 36, 0xd0c8bc);
    l.ellipse(48, 49, 37, 29, 0x3f86c8);
    l.ellipse(48, 47, 34, 25, 0x5a9ad8);
    for (let k = 0; k < 10; k++) l.hline(24 + (k * 13) % 44, 28 + (k * 13) % 44, 36 + (k * 7) % 24, 0x9cd0f0);
    l.ellipse(48, 50, 10, 7, 0xb8b0a4);
    l.rect(44, 24, 8, 26, 0xc8c0b4);
    l.ellipse(48, 24, 9, 4, 0xd8d0c4);
    for (const dx of [-10, -5, 5, 10]) l.line(48, 18, 48 + dx, 36, 0xcfeaff);
    l.ellipse(48, 16, 4, 4, 0xe8f6ff);
  });
}

export function gardenBed(c: Canvas, v: number): void {
  const w = c.w, h = c.h;
  finish(c, (l) => {
    l.rect(1, 3, w - 2, h - 6, 0x8a5a34);
    l.hline(1, w - 2, 3, 0xb07a48);
    l.rect(4, 6, w - 8, h - 14, 0x5a3e2c);
    for (let y = 10; y < h - 10; y += 6) l.hline(5, w - 6, y, 0x4a3224);
    const crop = v % 4;
    for (let y = 9; y < h - 10; y += 8) for (let x = 9; x < w - 8; x += 9) {
      if (crop === 0) { l.ellipse(x, y, 3.5, 3, 0x5aa04a); l.px(x - 1, y - 1, 0x8ad06a); }
      if (crop === 1) { l.vline(x, y - 3, y + 2, 0x3a8a3a); l.ellipse(x + 1, y, 2, 2, 0xd84a3a); }
      if (crop === 2) { l.ellipse(x, y, 3, 3, 0x6ab04a); l.px(x, y, 0xf2d24a); l.px(x - 2, y - 2, 0xf0a0c0); }
      if (crop === 3) { l.vline(x, y - 4, y + 2, 0x4a9a3a); l.vline(x + 2, y - 3, y + 2, 0x5aaa4a); l.px(x + 1, y - 5, 0xe0843c); }
    }
    l.rect(1, h - 6, w - 2, 3, 0x6a4428);
  });
}

export function picnicTable(c: Canvas): void {
  finish(c, (l) => {
    l.rect(4, 6, 56, 6, 0x9a6a40);
    block(l, 4, 18, 56, 22, 6, 0xb0804c);
    grain(l, 4, 18, 56, 16, 0xb0804c, 8);
    l.rect(4, 48, 56, 6, 0x9a6a40);
    l.ellipse(20, 26, 5, 3, 0xc8443c);
    l.rect(40, 23, 8, 6, 0xf0e2c0);
  });
}

export function trashCan(c: Canvas): void {
  finish(c, (l) => {
    l.rect(9, 10, 14, 20, 0x4a6a5a);
    for (let x = 11; x < 22; x += 3) l.vline(x, 12, 28, 0x3a5a4a);
    l.ellipse(16, 10, 8, 3, 0x5a7a6a);
    l.ellipse(16, 10, 6, 2, 0x2a3a30);
  });
}

export function crates(c: Canvas, v: number): void {
  finish(c, (l) => {
    block(l, 2, 10, 18, 20, 8, 0xc09a64);
    l.line(3, 11, 18, 20, 0x8a6a44);
    block(l, 14, 4, 16, 18, 7, v % 2 ? 0xb08a54 : 0xd0aa74);
  });
}
