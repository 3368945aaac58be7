/**
 * Shared helpers for furniture and prop art in 3/4 view: blocks with a lit top
 * face and a darker front, and the finishing pass that gives every item a
 * 1 px ink outline and a soft drop shadow.
 */
import { Canvas, Color, shade } from "./canvas";
import { P } from "./palette";

/**
 * Paint an item: draw runs on a clean layer, which then gets an outline and is
 * laid over a shadow (offset down-right) on the target canvas.
 */
export function finish(c: Canvas, draw: (l: Canvas) => void, shadow = true): void {
  const layer = new Canvas(c.w, c.h);
  draw(layer);
  layer.outline(P.ink);
  if (shadow) {
    const s = layer.silhouette(P.shadow, 70);
    c.blit(s, 2, 3);
  }
  c.blit(layer, 0, 0);
}

/**
 * A block seen from above and in front: top face from y to y + h - depth,
 * front face for the last depth pixels. Light comes from the top left.
 */
export function block(c: Canvas, x: number, y: number, w: number, h: number, depth: number, top: Color, front?: Color): void {
  const f = front ?? shade(top, -0.28);
  c.rect(x, y, w, h - depth, top);
  c.hline(x, x + w - 1, y, shade(top, 0.25));
  c.vline(x, y, y + h - depth - 1, shade(top, 0.12));
  if (depth > 0) {
    c.rect(x, y + h - depth, w, depth, f);
    c.hline(x, x + w - 1, y + h - depth, shade(top, -0.12));
    c.hline(x, x + w - 1, y + h - 1, shade(f, -0.25));
  }
}

/** Vertical wood grain or fabric texture on a rectangle. */
export function grain(c: Canvas, x: number, y: number, w: number, h: number, col: Color, step = 5): void {
  for (let k = x + 2; k < x + w - 1; k += step) c.vline(k, y + 1, y + h - 2, shade(col, -0.08));
}

/** Chair seen from above with its back to the given side. */
export function chair(c: Canvas, cx: number, cy: number, col: Color, back: "n" | "s" | "e" | "w"): void {
  const seat = shade(col, 0.1);
  c.rect(cx - 6, cy - 5, 12, 11, seat);
  c.hline(cx - 6, cx + 5, cy - 5, shade(seat, 0.25));
  c.rect(cx - 6, cy + 4, 12, 2, shade(col, -0.3));
  const b = shade(col, -0.15);
  if (back === "n") { c.rect(cx - 6, cy - 10, 12, 5, b); c.hline(cx - 6, cx + 5, cy - 10, shade(b, 0.3)); }
  if (back === "s") { c.rect(cx - 6, cy + 4, 12, 4, b); c.hline(cx - 6, cx + 5, cy + 4, shade(b, 0.3)); }
  if (back === "w") { c.rect(cx - 9, cy - 7, 3, 13, b); c.vline(cx - 9, cy - 7, cy + 5, shade(b, 0.3)); }
  if (back === "e") { c.rect(cx + 6, cy - 7, 3, 13, b); c.vline(cx + 6, cy - 7, cy + 5, shade(b, 0.3)); }
  c.vline(cx - 6, cy + 6, cy + 7, shade(col, -0.45));
  c.vline(cx + 5, cy + 6, cy + 7, shade(col, -0.45));
}

/** A row of book spines between x0 and x1 with their bottom at y. */
export function books(c: Canvas, x0: number, x1: number, y: number, h: number, seed: number): void {
  const cols = [0xc8443c, 0x4a70c0, 0xeec84a, 0x5a9c4a, 0x8a5aa8, 0xe0843c, 0xf0e2c0, 0x3a9c9c];
  let x = x0;
  let k = seed;
  while (x <= x1 - 1) {
    const w = 2 + (k % 2);
    const hh = h - (k % 3);
    const col = cols[(k * 5 + 3) % cols.length];
    c.rect(x, y - hh, Math.min(w, x1 - x + 1), hh, col);
    c.px(x, y - hh, shade(col, 0.3));
    x += w + (k % 4 === 0 ? 1 : 0);
    k = (k * 7 + 3) % 97;
  }
}

/** A potted plant centred at (cx, base y). */
export function pottedPlant(c: Canvas, cx: number, y: number, leaf: Color = P.leaf, pot: Color = 0xb8643c): void {
  c.ellipse(cx, y - 14, 9, 8, leaf);
  c.ellipse(cx - 4, y - 17, 4, 4, shade(leaf, 0.25));
  c.ellipse(cx + 4, y - 12, 4, 3, shade(leaf, -0.2));
  c.px(cx - 2, y - 19, shade(leaf, 0.4));
  c.rect(cx - 6, y - 8, 12, 8, pot);
  c.hline(cx - 7, cx + 6, y - 8, shade(pot, 0.25));
  c.rect(cx - 7, y - 9, 14, 2, shade(pot, 0.1));
  c.hline(cx - 5, cx + 4, y - 1, shade(pot, -0.3));
}
