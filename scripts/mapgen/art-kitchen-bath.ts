/**
 * Kitchen and bathroom art: fridges, stoves, sinks, counters, dining tables,
 * toilets, showers, basins, tubs. Same conventions as art-home.ts.
 */
import { Canvas, shade } from "./canvas";
import { block, finish, grain } from "./art-kit";
import { P } from "./palette";
import { WOODS } from "./art-home";

export function refrigerator(c: Canvas, v: number): void {
  finish(c, (l) => {
    const body = v % 2 ? 0xe8e8ea : 0xd8e4ec;
    l.rect(3, 8, 26, 54, body);
    l.hline(3, 28, 8, P.white);
    l.rect(3, 8, 26, 4, shade(body, 0.2));
    l.hline(3, 28, 28, shade(body, -0.3));
    l.rect(23, 16, 2, 8, P.metalDark);
    l.rect(23, 32, 2, 12, P.metalDark);
    l.rect(7, 34, 5, 5, 0xeec84a);
    l.rect(13, 38, 4, 4, 0xc8443c);
    l.rect(3, 58, 26, 4, shade(body, -0.35));
  });
}

export function stove(c: Canvas, v: number): void {
  finish(c, (l) => {
    block(l, 2, 2, 28, 28, 10, v % 2 ? 0xd8d8dc : 0x4a4a52);
    for (const [x, y] of [[9, 7], [22, 7], [9, 15], [22, 15]]) {
      l.ellipse(x, y, 4, 3, P.charcoal);
      l.ellipse(x, y, 2, 1.5, 0x6a6a72);
    }
    l.rect(6, 22, 20, 6, 0x2a2a30);
    l.hline(7, 24, 22, P.metal);
    l.ellipse(22, 14.5, 2, 1.5, 0xe0603a);
  });
}

export function kitchenSink(c: Canvas, v: number): void {
  finish(c, (l) => {
    const top = v % 2 ? 0xd8d4cc : 0xb8c4cc;
    block(l, 0, 2, 32, 28, 10, top, 0x9a7a5a);
    l.rect(6, 6, 20, 11, P.metalDark);
    l.rect(7, 7, 18, 9, 0x9cb0c0);
    l.hline(8, 23, 8, 0xc8dce8);
    l.rect(14, 2, 3, 6, P.metal);
    l.rect(2, 22, 28, 1, shade(0x9a7a5a, -0.3));
    l.vline(16, 20, 29, shade(0x9a7a5a, -0.3));
  });
}

/** Plain counter; v picks what lies on it. */
export function counter(c: Canvas, v: number): void {
  finish(c, (l) => {
    block(l, 0, 2, 32, 28, 10, 0xd8d4cc, 0x9a7a5a);
    l.vline(16, 20, 29, shade(0x9a7a5a, -0.3));
    if (v % 3 === 0) { l.rect(6, 6, 14, 9, P.woodLight); l.rect(22, 5, 4, 10, 0xc8443c); }
    if (v % 3 === 1) { l.ellipse(15, 10, 9, 5, P.white); l.ellipse(12, 9, 3, 3, 0xe05a4a); l.ellipse(18, 9, 3, 3, 0xeec84a); l.ellipse(15, 11, 3, 2, 0x6ab04a); }
    if (v % 3 === 2) { l.rect(8, 4, 8, 11, 0xd8d8dc); l.rect(9, 5, 6, 3, P.charcoal); l.rect(20, 6, 6, 8, 0x6a8ac0); }
  });
}

export function diningTable(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    const wood = WOODS[(v + 2) % WOODS.length];
    block(l, 3, 4, w - 6, 54, 8, wood);
    grain(l, 3, 4, w - 6, 46, wood, 10);
    l.rect(9, 9, w - 18, 36, v % 2 ? 0xf0e8d8 : 0xe0ecf0);
    for (let x = 16; x < w - 10; x += 20) {
      l.ellipse(x, 15, 5, 4, P.white);
      l.ellipse(x, 15, 3, 2, 0xd8d0c0);
      l.ellipse(x + 2, 39, 5, 4, P.white);
      l.ellipse(x + 2, 39, 3, 2, 0xd8d0c0);
    }
    l.ellipse(w / 2, 27, 5, 5, 0xe0843c);
    l.ellipse(w / 2 - 2, 25, 2, 2, 0xeec84a);
    l.px(w / 2, 22, P.leaf);
  });
}

export function toilet(c: Canvas): void {
  finish(c, (l) => {
    l.rect(9, 2, 14, 9, P.white);
    l.hline(9, 22, 2, 0xffffff);
    l.hline(9, 22, 10, 0xc8ccd0);
    l.ellipse(16, 19, 8, 9, P.white);
    l.ellipse(16, 19, 5, 6, 0xc8dce8);
    l.ellipse(16, 20, 3, 4, 0x9cc0d8);
  });
}

/** Shower stall: tiled tray, glass door, head on the wall (overhang 1). */
export function shower(c: Canvas): void {
  finish(c, (l) => {
    l.rect(2, 6, 28, 28, 0xc0d8e4);
    for (let y = 8; y < 34; y += 6) l.hline(3, 28, y, 0xa8c4d4);
    l.rect(13, 12, 6, 4, P.metal);
    l.vline(16, 6, 12, P.metal);
    l.rect(2, 34, 28, 26, 0xd8e8f0);
    l.rect(6, 38, 20, 18, 0x9cc0d4);
    l.ellipse(16, 47, 3, 2, P.metalDark);
    l.rect(2, 34, 28, 26, 0xe8f4fa, 90);
    l.vline(29, 34, 59, P.metal);
    l.line(6, 54, 14, 38, 0xffffff);
    l.hline(2, 29, 59, 0x8aa4b4);
  });
}

/** Pedestal basin with a mirror on the wall (overhang 1). */
export function bathroomSink(c: Canvas): void {
  finish(c, (l) => {
    l.rect(8, 6, 16, 20, 0xbcd8e8);
    l.frame(7, 5, 18, 22, 0xd8c8a0);
    l.line(10, 20, 18, 8, 0xeef8ff);
    l.rect(13, 50, 6, 12, 0xe8ecf0);
    l.ellipse(16, 44, 12, 8, P.white);
    l.ellipse(16, 44, 8, 5, 0xc8dce8);
    l.rect(15, 35, 2, 5, P.metal);
  });
}

export function bathtub(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.roundRect(2, 4, 60, 26, P.white);
    l.roundRect(6, 7, 52, 19, 0xa8d0e4);
    l.hline(8, 55, 9, 0xd0ecf8);
    l.rect(8, 14, 10, 4, v % 2 ? 0xf0a8c0 : 0xeec84a);
    l.rect(56, 12, 4, 6, P.metal);
  });
}

export function washingMachine(c: Canvas): void {
  finish(c, (l) => {
    block(l, 3, 2, 26, 28, 14, 0xecece8);
    l.rect(6, 4, 8, 3, P.metalDark);
    l.ellipse(16, 22, 6, 5, P.metalDark);
    l.ellipse(16, 22, 4, 3, 0x8cb8d8);
  });
}

/** Upright piano (overhang 1): the case rises onto the wall tile. */
