/**
 * Shop and service art: counters (cafe, bar, shop, pharmacy), shelves of goods,
 * produce stands and freezers. Same conventions as art-home.ts.
 */
import { Canvas, Color, shade } from "./canvas";
import { block, finish } from "./art-kit";
import { P } from "./palette";

/** Counter with a wooden front; details: "cafe" (till, cups) or "bar" (taps). */
export function serviceCounter(c: Canvas, v: number, style: "cafe" | "bar" | "shop" | "pharmacy"): void {
  const w = c.w;
  const top: Color = style === "bar" ? 0x6a3a24 : style === "pharmacy" ? 0xe8ecec : style === "shop" ? 0xc8b896 : 0xd8c8a8;
  const front: Color = style === "bar" ? 0x4a2618 : style === "pharmacy" ? 0x6aaa9a : style === "shop" ? 0x7e6a4e : 0x8a5a3a;
  finish(c, (l) => {
    block(l, 0, 2, w, 28, 12, top, front);
    for (let x = 6; x < w - 4; x += 16) l.frame(x, 20, 12, 8, shade(front, -0.2));
    if (style === "bar") {
      for (let x = 10; x < w - 10; x += 28) {
        l.rect(x, 2, 8, 4, P.metal);
        for (let k = 0; k < 3; k++) l.vline(x + 1 + k * 3, 0, 4, [0xe0a030, 0x8a3a2a, 0xeec84a][k]);
        l.rect(x + 14, 8, 5, 7, 0xe8b040);
        l.hline(x + 14, x + 18, 8, P.white);
      }
    }
    if (style === "cafe" || style === "shop" || style === "pharmacy") {
      l.rect(w - 22, 3, 16, 11, P.charcoal);
      l.rect(w - 20, 4, 12, 4, 0x6ad0a0);
      l.rect(w - 21, 10, 14, 3, 0x8a8a92);
      if (style === "cafe") for (let x = 8; x < w - 30; x += 10) { l.rect(x, 6, 6, 6, P.white); l.rect(x + 1, 7, 4, 2, 0x6a3a24); }
      if (style === "pharmacy") { l.rect(8, 5, 8, 8, P.white); l.rect(11, 6, 2, 6, 0xc8443c); l.rect(9, 8, 6, 2, 0xc8443c); }
    }
    if (v % 2 && style !== "pharmacy") l.rect(w / 2 - 3, 6, 6, 6, 0xe8a8b8);
  });
}

/** Shelf of goods seen from the front; goods: "tools", "groceries", "medicine". */
export function goodsShelf(c: Canvas, v: number, goods: "tools" | "groceries" | "medicine"): void {
  const w = c.w;
  finish(c, (l) => {
    const frame = goods === "medicine" ? 0xe8ecec : goods === "tools" ? 0x6a7a6a : 0xb8b0a0;
    l.rect(1, 0, w - 2, 31, frame);
    l.hline(1, w - 2, 0, shade(frame, 0.3));
    l.rect(3, 2, w - 6, 27, shade(frame, -0.45));
    for (let row = 0; row < 3; row++) {
      const y = 11 + row * 9;
      l.hline(3, w - 4, y, frame);
      for (let x = 4; x < w - 6; x += 6) {
        const k = (x * 7 + row * 13 + v * 5) % 8;
        goodsItem(l, x, y, goods, k);
      }
    }
  });
}

function goodsItem(l: Canvas, x: number, y: number, goods: string, k: number): void {
  const cols = [0xc8443c, 0xeec84a, 0x4a70c0, 0x5a9c4a, 0xe0843c, 0xf0e2c0, 0x8a5aa8, 0x3a9c9c];
  const col = cols[k];
  if (goods === "tools") {
    if (k % 3 === 0) { l.rect(x, y - 6, 5, 6, 0x9a9aa4); l.rect(x, y - 6, 5, 2, col); }
    else if (k % 3 === 1) { l.vline(x + 2, y - 7, y - 1, P.woodDark); l.rect(x, y - 8, 5, 3, P.metal); }
    else { l.rect(x, y - 5, 5, 5, col); l.hline(x, x + 4, y - 5, shade(col, 0.3)); }
  } else if (goods === "medicine") {
    if (k % 2) { l.rect(x + 1, y - 6, 3, 6, col); l.rect(x + 1, y - 7, 3, 1, P.white); }
    else { l.rect(x, y - 5, 5, 5, P.white); l.rect(x + 1, y - 4, 3, 2, col); }
  } else {
    if (k % 3 === 0) { l.rect(x, y - 7, 5, 7, col); l.rect(x + 1, y - 5, 3, 2, P.white); }
    else if (k % 3 === 1) { l.ellipse(x + 2.5, y - 3, 2.5, 3, col); }
    else { l.rect(x, y - 4, 5, 4, col); l.hline(x, x + 4, y - 4, shade(col, 0.3)); }
  }
}

export function produceStand(c: Canvas, v: number): void {
  const w = c.w;
  finish(c, (l) => {
    for (let x = 2; x < w - 2; x += 20) {
      block(l, x, 4, 18, 24, 8, 0xb88a54);
      const fruit = [0xc8443c, 0xeec84a, 0x6ab04a, 0xe0843c, 0x8a5aa8][((x / 20) | 0) + v * 2 % 5];
      for (let k = 0; k < 7; k++) l.ellipse(x + 4 + (k % 3) * 5, 8 + Math.floor(k / 3) * 4, 2.5, 2.5, fruit);
      l.hline(x, x + 17, 22, shade(0xb88a54, -0.3));
    }
  });
}

export function freezer(c: Canvas): void {
  const w = c.w;
  finish(c, (l) => {
    block(l, 1, 4, w - 2, 26, 10, 0xe8ecf0, 0xc8d0d8);
    l.rect(4, 6, w - 8, 12, 0xa8d8f0);
    for (let x = 6; x < w - 8; x += 7) l.rect(x, 9, 5, 6, [0xe05a4a, 0xf0e2c0, 0x6a84d0][(x / 7 | 0) % 3]);
    l.rect(4, 6, w - 8, 12, 0xe8f8ff, 90);
    l.hline(4, w - 5, 6, P.white);
  });
}
