/**
 * Hair and hats for the character painter, per view. The head box is 12 px
 * wide; hair sits one pixel proud of it so silhouettes differ at a glance.
 */
import { Canvas, shade } from "./canvas";
import { Look } from "./character-look";
import type { View } from "./character-painter";

export interface Head {
  x0: number;
  y0: number;
  w: number;
  h: number;
}

export function drawHair(l: Canvas, look: Look, h: Head, view: View): void {
  const c = look.hair, hi = shade(c, 0.28), x0 = h.x0, x1 = h.x0 + h.w - 1, y = h.y0;
  const style = look.hat?.style === "scarf" ? "none" : look.hairStyle;
  if (style === "none") return;
  if (view === "up") return hairBack(l, look, h);
  if (style === "afro") {
    l.ellipse(16, y + 3, 9.5, 7.5, c);
    l.rect(x0 + 1, y + 4, h.w - 2, h.h - 4, look.skin);
    redrawFace(l, look, h, view);
    l.px(12, y - 2, hi); l.px(15, y - 3, hi); l.px(19, y - 2, hi);
    return;
  }
  if (style === "bald") {
    l.px(x0 + 3, y + 1, shade(look.skin, 0.3));
    if (view === "down") { l.rect(x0, y + 4, 2, 4, c); l.rect(x1 - 1, y + 4, 2, 4, c); }
    else l.rect(x0 + 7, y + 4, 4, 4, c);
    return;
  }
  if (view === "down") hairFront(l, look, h, style, hi);
  else hairSide(l, look, h, style, hi);
}

function hairFront(l: Canvas, look: Look, h: Head, style: string, hi: number): void {
  const c = look.hair, x0 = h.x0, x1 = h.x0 + h.w - 1, y = h.y0;
  if (style === "crop") {
    l.rect(x0, y, h.w, 2, c);
    l.rect(x0, y + 2, 2, 2, c);
    l.rect(x1 - 1, y + 2, 2, 2, c);
    l.hline(x0 + 2, x1 - 2, y - 1, c);
    return;
  }
  l.hline(x0 + 2, x1 - 2, y - 1, c);
  l.rect(x0 - 1, y, h.w + 2, 3, c);
  l.hline(x0 + 3, x0 + 6, y, hi);
  if (style === "parted") {
    l.rect(x0 - 1, y + 3, 6, 1, c);
    l.rect(x0 + 6, y + 3, 7, 2, c);
    l.px(x0 + 4, y, look.skin);
  } else if (style === "spiky") {
    for (const sx of [x0, x0 + 3, x0 + 6, x0 + 9]) { l.vline(sx + 1, y - 3, y - 1, c); l.px(sx + 2, y - 2, c); }
    l.hline(x0 - 1, x1 + 1, y + 3, c);
    for (let x = x0; x <= x1; x += 3) l.px(x + 1, y + 4, c);
  } else if (style === "curly") {
    for (let x = x0 - 1; x <= x1 + 1; x += 2) l.px(x, y - 1, c);
    l.hline(x0 - 1, x1 + 1, y + 3, c);
    for (let x = x0; x <= x1; x += 2) l.px(x, y + 4, c);
  } else {
    l.hline(x0 - 1, x1 + 1, y + 3, c);
    l.px(x0 + 4, y + 4, c);
    l.px(x0 + 5, y + 4, c);
    l.px(x1 - 3, y + 4, c);
  }
  const sideLen = style === "long" || style === "braids" || style === "wavy" ? 14 : style === "bob" ? 9 : style === "curly" ? 8 : 6;
  const sw = style === "braids" ? 2 : style === "long" || style === "wavy" || style === "bob" ? 3 : 2;
  for (let k = 3; k < sideLen; k++) {
    const wob = style === "wavy" && k % 3 === 0 ? 1 : 0;
    l.hline(x0 - 1 - wob - (sw > 2 ? 1 : 0), x0 - 1 + sw - 1 - (sw > 2 ? 1 : 0), y + k, k % 2 && style === "braids" ? shade(c, -0.2) : c);
    l.hline(x1 + 1 - sw + 1 + (sw > 2 ? 1 : 0), x1 + 1 + wob + (sw > 2 ? 1 : 0), y + k, k % 2 && style === "braids" ? shade(c, -0.2) : c);
  }
  if (style === "bun") { l.ellipse(16, y - 3, 3.5, 3, c); l.px(15, y - 5, hi); }
  if (style === "ponytail") { l.px(x1 + 2, y + 4, c); l.px(x1 + 2, y + 5, c); }
}

function hairSide(l: Canvas, look: Look, h: Head, style: string, hi: number): void {
  const c = look.hair, x0 = h.x0, x1 = h.x0 + h.w - 1, y = h.y0;
  const back = style === "long" || style === "braids" || style === "wavy" ? 14 : style === "bob" ? 9 : style === "crop" ? 5 : 7;
  l.hline(x0 + 2, x1 - 1, y - 1, c);
  l.rect(x0, y, h.w + 1, style === "crop" ? 2 : 3, c);
  l.hline(x0 + 3, x0 + 7, y, hi);
  l.rect(x0 + 6, y + 2, h.w - 5, back - 2, c);
  if (style !== "crop") { l.rect(x0 - 1, y + 1, 3, 3, c); }
  if (style === "parted") l.rect(x0 - 1, y + 3, 4, 1, c);
  if (style === "spiky") for (const sx of [x0 + 2, x0 + 5, x0 + 8, x0 + 11]) { l.vline(sx, y - 3, y - 1, c); l.px(sx + 1, y - 2, c); }
  if (style === "curly") for (let yy = y; yy < y + back; yy += 2) l.px(x1 + 2, yy, c);
  if (style === "ponytail") { l.rect(x1 + 1, y + 2, 2, 3, c); l.rect(x1 + 2, y + 4, 2, 6, c); l.px(x1 + 2, y + 3, hi); }
  if (style === "bun") { l.ellipse(x1, y - 1, 3.5, 3, c); }
  if (style === "braids") for (let yy = y + 3; yy < y + 16; yy++) l.hline(x1 - 1, x1, yy, yy % 2 ? shade(c, -0.2) : c);
  l.px(x0 + 7, y + 6, shade(look.skin, -0.2));
}

/** Back of the head: hair over all of it, long styles down the back. */
function hairBack(l: Canvas, look: Look, h: Head): void {
  const c = look.hair, x0 = h.x0, x1 = h.x0 + h.w - 1, y = h.y0;
  const style = look.hairStyle;
  if (style === "bald") { l.rect(x0, y + 4, h.w, 4, c); return; }
  if (style === "afro") { l.ellipse(16, y + 4, 9.5, 8, c); return; }
  const nape = style === "crop" ? 7 : style === "long" || style === "bob" || style === "wavy" || style === "braids" ? 12 : 9;
  l.hline(x0 + 2, x1 - 2, y - 1, c);
  l.rect(x0 - 1, y, h.w + 2, Math.min(nape, h.h), c);
  l.hline(x0 + 3, x1 - 3, y, shade(c, 0.28));
  if (style === "long" || style === "wavy") l.rect(x0, y + h.h - 1, h.w, 6, c);
  if (style === "bob") l.rect(x0, y + h.h - 1, h.w, 2, c);
  if (style === "ponytail") { l.rect(15, y + 5, 3, 10, c); l.px(16, y + 5, shade(c, 0.3)); }
  if (style === "braids") { l.rect(12, y + h.h - 1, 2, 6, c); l.rect(18, y + h.h - 1, 2, 6, c); }
  if (style === "bun") l.ellipse(16, y - 1, 3.5, 3, c);
  if (style === "spiky") for (const sx of [x0, x0 + 4, x0 + 8]) l.vline(sx + 1, y - 3, y - 1, c);
}

/** After a big hairdo, put the eyes back. */
function redrawFace(l: Canvas, look: Look, h: Head, view: View): void {
  const ey = h.y0 + (look.age === "kid" ? 6 : 7);
  if (view === "down") { l.rect(13, ey, 1, 2, 0x241c2c); l.rect(18, ey, 1, 2, 0x241c2c); l.hline(15, 16, ey + 3, shade(look.skin, -0.35)); }
  else { l.rect(11, ey, 1, 2, 0x241c2c); l.px(h.x0 - 1, ey + 2, look.skin); l.rect(h.x0 + 6, h.y0 + 2, h.w - 4, 8, look.hair); }
  if (look.glasses !== undefined) {
    if (view === "down") { l.frame(11, ey - 1, 4, 4, look.glasses); l.frame(17, ey - 1, 4, 4, look.glasses); l.hline(15, 16, ey, look.glasses); }
    else { l.frame(9, ey - 1, 4, 4, look.glasses); }
  }
}

export function drawHat(l: Canvas, look: Look, h: Head, view: View): void {
  const hat = look.hat!;
  const c = hat.color, dk = shade(c, -0.25), hi = shade(c, 0.3);
  const x0 = h.x0, x1 = h.x0 + h.w - 1, y = h.y0;
  switch (hat.style) {
    case "cap":
      l.hline(x0 + 2, x1 - 2, y - 2, c);
      l.rect(x0 - 1, y - 1, h.w + 2, 3, c);
      l.hline(x0 + 2, x0 + 5, y - 1, hi);
      if (view === "down") l.rect(x0 + 1, y + 2, h.w - 2, 2, dk);
      if (view === "left") l.rect(x0 - 4, y + 1, 6, 2, dk);
      if (view === "up") l.hline(x0 + 3, x1 - 3, y + 2, dk);
      return;
    case "beanie":
      l.hline(x0 + 2, x1 - 2, y - 3, c);
      l.rect(x0, y - 2, h.w, 3, c);
      l.rect(x0 - 1, y + 1, h.w + 2, 2, dk);
      for (let x = x0 + 1; x < x1; x += 2) l.px(x, y - 1, hi);
      l.ellipse(16, y - 4, 2, 1.5, hi);
      return;
    case "fedora":
      l.rect(x0 + 2, y - 3, h.w - 4, 4, c);
      l.hline(x0 + 2, x1 - 2, y - 1, dk);
      l.hline(x0 - 3, x1 + 3, y + 1, c);
      l.hline(x0 - 2, x1 + 2, y + 2, dk);
      l.hline(x0 + 3, x0 + 6, y - 3, hi);
      return;
    case "sunhat":
      l.ellipse(16, y + 1, 12, 3.5, c);
      l.rect(x0 + 1, y - 3, h.w - 2, 4, c);
      l.hline(x0 + 1, x1 - 1, y, dk);
      l.hline(x0 + 2, x0 + 6, y - 3, hi);
      return;
    case "beret":
      l.ellipse(view === "left" ? 17 : 15, y, 7.5, 3, c);
      l.px(16, y - 3, dk);
      l.hline(x0 + 1, x0 + 5, y - 1, hi);
      return;
    case "chef":
      l.ellipse(16, y - 4, 6.5, 4.5, 0xf6f2e8);
      l.rect(x0 + 1, y - 2, h.w - 2, 4, 0xf6f2e8);
      l.hline(x0 + 1, x1 - 1, y + 1, 0xd8d4cc);
      return;
    case "scarf":
      if (view === "down") {
        l.hline(x0 + 1, x1 - 1, y - 1, c);
        l.rect(x0 - 1, y, h.w + 2, h.h + 2, c);
        l.rect(x0 + 2, y + 4, h.w - 4, h.h - 5, look.skin);
        l.rect(13, y + 7, 1, 2, 0x241c2c);
        l.rect(18, y + 7, 1, 2, 0x241c2c);
        l.hline(15, 16, y + 10, shade(look.skin, -0.35));
        l.hline(x0 + 1, x0 + 4, y, hi);
      } else if (view === "left") {
        l.hline(x0 + 1, x1, y - 1, c);
        l.rect(x0, y, h.w + 1, h.h + 2, c);
        l.rect(x0 - 1, y + 4, 5, h.h - 5, look.skin);
        l.rect(11, y + 7, 1, 2, 0x241c2c);
      } else {
        l.hline(x0 + 1, x1 - 1, y - 1, c);
        l.rect(x0 - 1, y, h.w + 2, h.h + 3, c);
      }
      l.hline(x0, x1, y + h.h + 1, dk);
      return;
  }
}
