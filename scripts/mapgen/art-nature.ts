/**
 * Outdoor art: tree canopies (foreground) with their trunks (furniture layer),
 * bushes, lamp posts, mailboxes, hydrants and parked cars.
 */
import { Canvas, Color, bayer, mix, shade } from "./canvas";
import { finish } from "./art-kit";
import { noise } from "./rng";
import { P } from "./palette";

export type TreeKind = "oak" | "pine" | "blossom" | "fruit" | "birch" | "maple";

interface Foliage { base: Color; light: Color; dark: Color; dots?: Color }
const FOLIAGE: Record<TreeKind, Foliage> = {
  oak: { base: P.leaf, light: P.leafLight, dark: P.leafDark },
  pine: { base: P.pine, light: 0x4a8a5e, dark: P.pineDark },
  blossom: { base: 0xe8a0b8, light: 0xf8d0dc, dark: 0xb8708c },
  fruit: { base: 0x4a9a44, light: 0x7ac05a, dark: 0x2e6a36, dots: 0xd8403a },
  birch: { base: 0x7ab84e, light: 0xa8d870, dark: 0x4e8a3a },
  maple: { base: 0xd8803a, light: 0xf0b050, dark: 0xa84e2a },
};

/** A lumpy ball of leaves, lit from the top left, with dithered shading. */
function leafBall(l: Canvas, cx: number, cy: number, rx: number, ry: number, f: Foliage, salt: number): void {
  for (let y = Math.floor(cy - ry - 2); y <= cy + ry + 2; y++) for (let x = Math.floor(cx - rx - 2); x <= cx + rx + 2; x++) {
    const dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
    const wobble = (noise(x >> 2, y >> 2, salt) - 0.5) * 0.25;
    const d = dx * dx + dy * dy + wobble;
    if (d > 1) continue;
    const light = -dx * 0.5 - dy * 0.7 + (1 - d) * 0.3;
    const t = bayer(x, y);
    let col = f.base;
    if (light > 0.45 + t * 0.3) col = f.light;
    else if (light < -0.25 - t * 0.3) col = f.dark;
    if (noise(x, y, salt + 1) > 0.93) col = shade(col, -0.15);
    l.px(x, y, col);
  }
}

/** Canopy of a 3x3 tree (96x96 px); the trunk cell is the bottom middle. */
export function treeCanopy(c: Canvas, kind: TreeKind, v: number): void {
  const f = FOLIAGE[kind];
  finish(c, (l) => {
    if (kind === "pine") {
      for (let k = 0; k < 4; k++) {
        const top = 4 + k * 16, half = 14 + k * 8;
        for (let y = top; y < top + 26; y++) {
          const span = ((y - top) / 26) * half;
          for (let x = Math.floor(48 - span); x <= 48 + span; x++) {
            const side = (x - 48) / Math.max(1, span);
            l.px(x, y, side < -0.3 ? f.light : side > 0.45 ? f.dark : bayer(x, y) > 0.7 && side > 0.1 ? f.dark : f.base);
          }
        }
      }
      return;
    }
    const s = v * 17 + 3;
    leafBall(l, 48, 46, 40, 30, f, s);
    leafBall(l, 32, 34, 22, 18, f, s + 5);
    leafBall(l, 62, 32, 22, 19, f, s + 9);
    leafBall(l, 48, 22, 22, 16, f, s + 13);
    if (f.dots !== undefined) for (let k = 0; k < 14; k++) {
      const x = 16 + Math.floor(noise(k, v, 401) * 64), y = 12 + Math.floor(noise(v, k, 402) * 52);
      l.rect(x, y, 3, 3, f.dots);
      l.px(x, y, 0xf8a090);
    }
    if (kind === "blossom") for (let k = 0; k < 18; k++) {
      const x = 14 + Math.floor(noise(k, v, 403) * 68), y = 10 + Math.floor(noise(v, k, 404) * 56);
      l.px(x, y, P.white);
    }
  }, false);
  // the canopy hides the trunk top; a soft contact shadow is on the trunk tile
}

/** Trunk tile (32x32) for the bottom middle cell of a tree, with its shadow. */
export function treeTrunk(c: Canvas, kind: TreeKind): void {
  c.ellipse(16, 26, 15, 5, P.shadow, 80);
  const bark = kind === "birch" ? 0xe8e4dc : kind === "pine" ? 0x5a3e2a : P.bark;
  finish(c, (l) => {
    l.rect(11, 4, 10, 22, bark);
    l.vline(11, 4, 25, shade(bark, 0.2));
    l.vline(20, 4, 25, shade(bark, -0.35));
    if (kind === "birch") for (let y = 7; y < 24; y += 5) l.hline(13, 16, y, P.ink);
    l.line(10, 26, 7, 28, bark);
    l.line(21, 26, 24, 28, bark);
  }, false);
}

/** Small tree, 1 tile wide: canopy on the upper tile, trunk below. (32x64) */
export function smallTree(c: Canvas, kind: TreeKind, v: number): void {
  const f = FOLIAGE[kind];
  c.ellipse(16, 58, 13, 4, P.shadow, 80);
  finish(c, (l) => {
    l.rect(14, 36, 5, 22, kind === "birch" ? 0xe8e4dc : P.bark);
    leafBall(l, 16, 26, 15, 18, f, v * 7 + 11);
  }, false);
}

export function bush(c: Canvas, v: number): void {
  const f: Foliage = v % 3 === 2 ? { base: 0x5a9a4a, light: 0x8ac86a, dark: 0x3a6a36, dots: 0xf0a0c0 } : FOLIAGE.oak;
  c.ellipse(17, 27, 14, 4, P.shadow, 80);
  finish(c, (l) => {
    leafBall(l, 16, 19, 14, 11, f, v * 5 + 21);
    if (f.dots !== undefined) for (let k = 0; k < 6; k++) l.px(8 + (k * 7) % 17, 12 + (k * 5) % 12, f.dots);
    if (v % 3 === 1) for (let k = 0; k < 5; k++) l.px(9 + (k * 5) % 15, 13 + (k * 3) % 9, 0xf6f2e8);
  });
}

/** Street lamp: post in the bottom tile, lantern in the top tile (32x64). */
export function lampPost(c: Canvas): void {
  c.ellipse(16, 60, 7, 2, P.shadow, 90);
  finish(c, (l) => {
    l.rect(14, 20, 4, 40, 0x2e2e38);
    l.vline(14, 20, 58, 0x4e4e5a);
    l.rect(11, 56, 10, 4, 0x2e2e38);
    l.rect(10, 8, 12, 12, 0x2e2e38);
    l.rect(12, 10, 8, 8, 0xfff0b0);
    l.rect(9, 6, 14, 3, 0x3e3e48);
    l.px(16, 4, 0x3e3e48);
    l.px(16, 5, 0x3e3e48);
  });
  for (let y = 0; y < 30; y++) for (let x = 0; x < 32; x++) {
    const d = Math.hypot(x - 16, y - 14);
    if (d < 14 && c.alpha(x, y) === 0) c.px(x, y, 0xfff0b0, Math.round((1 - d / 14) * 40));
  }
}

export function mailbox(c: Canvas, v: number): void {
  finish(c, (l) => {
    l.rect(14, 16, 4, 14, P.woodDark);
    const col = [0x4a70c0, 0xc8443c, 0x5a9c4a][v % 3];
    l.roundRect(8, 6, 16, 11, col);
    l.hline(9, 22, 6, shade(col, 0.3));
    l.rect(22, 3, 2, 6, 0xe05a4a);
  });
}

export function hydrant(c: Canvas): void {
  finish(c, (l) => {
    l.rect(11, 12, 10, 16, 0xc8443c);
    l.ellipse(16, 12, 5, 4, 0xd8544c);
    l.rect(8, 16, 16, 4, 0xa8342c);
    l.rect(10, 27, 12, 3, 0x8a2a22);
    l.px(14, 10, 0xf08070);
  });
}

/** A parked car seen from above; vertical cars are 32x64, horizontal 64x32. */
export function car(c: Canvas, v: number, vertical: boolean): void {
  const body = [0xc8443c, 0x4a70c0, 0xeec84a, 0xe8e8ea, 0x5a9c4a, 0x3a3a44][v % 6];
  const draw = (l: Canvas) => {
    l.roundRect(6, 2, 52, 28, body);
    l.hline(7, 56, 2, shade(body, 0.35));
    l.hline(7, 56, 29, shade(body, -0.4));
    l.rect(18, 5, 24, 22, shade(body, -0.1));
    l.rect(14, 6, 6, 20, 0x5a7a9a);
    l.rect(40, 6, 5, 20, 0x4a6a8a);
    l.line(15, 8, 18, 14, 0xa8c8e0);
    l.rect(57, 5, 2, 5, 0xfff0b0);
    l.rect(57, 22, 2, 5, 0xfff0b0);
    l.rect(5, 5, 2, 4, 0xe05a4a);
    l.rect(5, 23, 2, 4, 0xe05a4a);
    for (const x of [12, 46]) { l.rect(x, 0, 7, 2, P.ink); l.rect(x, 30, 7, 2, P.ink); }
  };
  if (!vertical) { finish(c, draw); return; }
  const tmp = new Canvas(64, 32);
  finish(tmp, draw);
  for (let y = 0; y < 32; y++) for (let x = 0; x < 64; x++) {
    const a = tmp.alpha(x, y);
    if (a) c.px(y, x, tmp.get(x, y), a);
  }
}

/** A wooden planter box overflowing with flowers (32x32). */
export function flowerBox(c: Canvas, v: number): void {
  const cols = [[0xe05a6a, 0xf2d24a], [0xf0a0c0, 0xf6f2e8], [0x9cb8f0, 0xf2d24a], [0xe0843c, 0xc8443c]][v % 4];
  finish(c, (l) => {
    l.ellipse(16, 13, 14, 9, P.leaf);
    l.ellipse(10, 10, 6, 5, P.leafLight);
    l.ellipse(22, 15, 6, 4, P.leafDark);
    for (let k = 0; k < 14; k++) {
      const x = 4 + ((k * 11) % 25), y = 6 + ((k * 7) % 12);
      const col = cols[k % 2];
      l.rect(x, y, 2, 2, col);
      l.px(x, y, mix(col, 0xffffff, 0.4));
    }
    l.rect(2, 18, 28, 11, 0x8a5a34);
    l.hline(2, 29, 18, 0xb07a48);
    l.hline(2, 29, 23, 0x6e4628);
    l.hline(2, 29, 28, 0x5a3a22);
  });
}
