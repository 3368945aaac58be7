/**
 * Things hung on walls: drawn on the furniture layer over a wall tile whose
 * face shows (the lower 22 px of the tile), so they never block anything new.
 */
import { Canvas, Color, shade } from "./canvas";
import { finish } from "./art-kit";
import { P } from "./palette";

export type WallDecor = "painting" | "clock" | "poster" | "shelf" | "menu" | "dartboard" | "diploma" | "mirror" | "calendar" | "pennant";
export const HOME_DECOR: WallDecor[] = ["painting", "clock", "shelf", "calendar", "painting", "mirror"];

export function paintWallDecor(c: Canvas, kind: WallDecor, v: number): void {
  finish(c, (l) => {
    switch (kind) {
      case "painting": return painting(l, v);
      case "clock":
        l.ellipse(16, 20, 7, 7, P.woodDark);
        l.ellipse(16, 20, 5.5, 5.5, P.white);
        l.vline(16, 16, 20, P.ink);
        l.hline(16, 19, 20, P.ink);
        return;
      case "poster": {
        const col = [0xc8443c, 0x4a70c0, 0xe0843c, 0x8a5aa8][v % 4];
        l.rect(9, 13, 14, 16, col);
        l.rect(11, 15, 10, 7, P.paper);
        l.hline(11, 20, 25, P.white);
        return;
      }
      case "shelf":
        l.rect(4, 22, 24, 3, P.woodDark);
        l.rect(6, 16, 4, 6, 0xc8443c);
        l.rect(11, 15, 3, 7, 0x4a70c0);
        l.ellipse(22, 19, 4, 3, P.leaf);
        l.rect(20, 20, 5, 2, 0xb8643c);
        return;
      case "menu":
        l.rect(3, 12, 26, 17, 0x2a2a30);
        l.frame(3, 12, 26, 17, P.woodDark);
        for (let y = 15; y < 27; y += 3) l.hline(6, 6 + 10 + ((y * 7) % 9), y, y % 2 ? 0xf0e2c0 : 0xe8a8b8);
        return;
      case "dartboard":
        l.ellipse(16, 20, 8, 8, P.ink);
        l.ellipse(16, 20, 6.5, 6.5, 0xe8d8b0);
        l.ellipse(16, 20, 4.5, 4.5, 0xc8443c);
        l.ellipse(16, 20, 2.5, 2.5, 0x5a9c4a);
        l.px(16, 20, P.ink);
        return;
      case "diploma":
        l.rect(9, 13, 14, 11, 0xd8b060);
        l.rect(10, 14, 12, 9, P.paper);
        l.hline(12, 19, 17, 0x8a8a92);
        l.px(16, 21, 0xc8443c);
        return;
      case "mirror":
        l.ellipse(16, 20, 7, 8, 0xd8b060);
        l.ellipse(16, 20, 5.5, 6.5, 0xbcdcec);
        l.line(13, 23, 18, 16, 0xeef8ff);
        return;
      case "calendar":
        l.rect(10, 12, 12, 15, P.white);
        l.rect(10, 12, 12, 4, 0xc8443c);
        for (let y = 18; y < 26; y += 3) for (let x = 11; x < 21; x += 3) l.px(x, y, 0x8a8a92);
        return;
      case "pennant":
        for (let k = 0; k < 4; k++) {
          const col = [0xc8443c, 0xeec84a, 0x4a70c0, 0x5a9c4a][(k + v) % 4];
          for (let j = 0; j < 6; j++) l.hline(2 + k * 8 + j / 2, 8 + k * 8 - j / 2, 14 + j, col);
        }
        l.hline(0, 31, 13, P.ink);
        return;
    }
  }, false);
}

function painting(l: Canvas, v: number): void {
  const frames: Color[] = [0xd8b060, P.woodDark, 0x2a2a30, P.white];
  const f = frames[v % frames.length];
  l.rect(6, 12, 20, 15, f);
  const scene = v % 4;
  const sky: Color = [0x9cc8ee, 0xf0b080, 0x2a3a6a, 0xe8e0d0][scene];
  l.rect(8, 14, 16, 11, sky);
  if (scene === 0) { l.rect(8, 21, 16, 4, 0x5a9c4a); l.ellipse(19, 17, 2, 2, 0xf2d24a); }
  if (scene === 1) { l.rect(8, 20, 16, 5, 0x3a6a9a); l.ellipse(16, 20, 3, 2, 0xf08040); }
  if (scene === 2) { l.px(11, 16, P.white); l.px(19, 17, P.white); l.ellipse(16, 19, 3, 3, 0xf0e2c0); }
  if (scene === 3) { l.ellipse(16, 19, 4, 4, 0xc8443c); l.rect(15, 16, 2, 2, P.leaf); }
  l.hline(6, 25, 12, shade(f, 0.3));
}
