/**
 * Character sprite sheets: 96 x 128, 3 columns (step A, standing, step B) by
 * 4 rows (walking down, left, right, up) of 32 x 32 frames. Each frame is
 * built from the Look in layers (legs, body, arms, head, hair, hat, extras),
 * outlined in ink and set on a soft shadow. Right is the mirrored left view.
 */
import { Canvas, Color, shade } from "./canvas";
import { Look } from "./character-look";
import { P } from "./palette";
import { drawHair, drawHat, Head } from "./character-head";

export type View = "down" | "left" | "up";

interface Rig {
  headTop: number;
  bodyTop: number;
  bodyH: number;
  legTop: number;
  legH: number;
  half: number; // half body width
}

function rigFor(look: Look, bob: number): Rig {
  const half = look.build === "slim" ? 4 : look.build === "broad" ? 6 : 5;
  if (look.age === "kid") return { headTop: 10 + bob, bodyTop: 21 + bob, bodyH: 5, legTop: 26, legH: 3, half: 4 };
  if (look.age === "teen") return { headTop: 6 + bob, bodyTop: 17 + bob, bodyH: 7, legTop: 24, legH: 5, half: Math.min(half, 5) };
  const stoop = look.age === "elder" ? 1 : 0;
  return { headTop: 5 + bob + stoop, bodyTop: 16 + bob + stoop, bodyH: 8 - stoop, legTop: 24, legH: 5, half };
}

export function paintSheet(look: Look): Canvas {
  const sheet = new Canvas(96, 128);
  const views: [View, boolean][] = [["down", false], ["left", false], ["left", true], ["up", false]];
  views.forEach(([view, flip], row) => {
    for (let col = 0; col < 3; col++) {
      const frame = paintFrame(look, view, col === 1 ? 0 : col === 0 ? 1 : -1);
      sheet.blit(frame, col * 32, row * 32, flip);
    }
  });
  return sheet;
}

/** step: 0 standing, 1 left foot forward, -1 right foot forward. */
export function paintFrame(look: Look, view: View, step: number): Canvas {
  const out = new Canvas(32, 32);
  out.ellipse(16, 30, look.age === "kid" ? 6 : 7, 2, P.shadow, 70);
  const l = new Canvas(32, 32);
  const rig = rigFor(look, step === 0 ? 0 : -1);
  drawLegs(l, look, rig, view, step);
  drawBody(l, look, rig, view);
  drawArms(l, look, rig, view, step);
  const head: Head = { x0: 10, y0: rig.headTop, w: 12, h: look.age === "kid" ? 11 : 12 };
  drawHead(l, look, head, view);
  drawHair(l, look, head, view);
  if (look.hat) drawHat(l, look, head, view);
  l.outline(P.ink);
  out.blit(l, 0, 0);
  return out;
}

function drawLegs(l: Canvas, look: Look, r: Rig, view: View, step: number): void {
  const trousers = look.bottomStyle === "skirt" || look.topStyle === "dress" ? look.skin : look.bottom;
  const shorts = look.bottomStyle === "shorts";
  const legCol = (k: number) => (shorts && k >= 2 ? look.skin : trousers);
  const leg = (x: number, len: number, dark = 0) => {
    for (let k = 0; k < len; k++) l.hline(x, x + 2, r.legTop + k, shade(legCol(k), dark));
    l.hline(x, x + 2, r.legTop + len, look.shoes);
    l.px(x + (view === "left" ? 0 : 1), r.legTop + len, shade(look.shoes, 0.25));
  };
  if (view === "left") {
    if (step === 0) { leg(14, r.legH, -0.15); leg(15, r.legH); return; }
    const front = step === 1 ? 12 : 17, back = step === 1 ? 17 : 12;
    leg(back, r.legH - 1, -0.2);
    leg(front, r.legH);
    return;
  }
  const lift = (side: number) => (step === 0 ? 0 : step === side ? 0 : 1);
  const g = r.half > 4 ? 1 : 0;
  leg(13 - g, r.legH - lift(1));
  leg(16 + g, r.legH - lift(-1));
}

function drawBody(l: Canvas, look: Look, r: Rig, view: View): void {
  const half = view === "left" ? Math.max(3, r.half - 1) : r.half;
  const x0 = 16 - half, x1 = 15 + half;
  const top = look.top;
  const y0 = r.bodyTop, y1 = r.legTop - 1;
  for (let y = y0; y <= y1; y++) {
    const inset = y === y0 ? 1 : 0;
    l.hline(x0 + inset, x1 - inset, y, top);
  }
  l.hline(x0 + 1, x1 - 1, y0, shade(top, 0.2));
  // what is worn below the top: skirt, dress hem, long coats
  const longTop = look.topStyle === "dress" || look.topStyle === "labcoat" || look.bottomStyle === "skirt";
  if (longTop) {
    const hem = look.topStyle === "dress" || look.topStyle === "labcoat" ? top : look.bottom;
    for (let k = 0; k < 3; k++) l.hline(x0 - (k > 0 ? 1 : 0), x1 + (k > 0 ? 1 : 0), y1 + 1 + k, k === 2 ? shade(hem, -0.2) : hem);
  } else {
    l.hline(x0, x1, y1, shade(look.bottom, 0.05));
    l.px(16, y1, shade(look.bottom, -0.3));
  }
  drawTopDetails(l, look, x0, x1, y0, y1, view);
}

function drawTopDetails(l: Canvas, look: Look, x0: number, x1: number, y0: number, y1: number, view: View): void {
  const acc = look.accent ?? shade(look.top, 0.35);
  const back = view === "up";
  switch (look.topStyle) {
    case "shirt":
      if (!back) { l.px(15, y0, acc); l.px(16, y0, acc); if (view === "down") for (let y = y0 + 2; y < y1; y += 2) l.px(16, y, shade(look.top, -0.3)); }
      break;
    case "suit":
      if (view === "down") { l.vline(16, y0, y1 - 1, acc); l.px(15, y0, P.white); l.px(17, y0, P.white); l.vline(16, y0 + 1, y0 + 4, 0xb8343a); }
      break;
    case "jacket": case "cardigan":
      if (view === "down") { l.rect(15, y0, 2, y1 - y0, acc); }
      if (view === "left") l.vline(x0 + 1, y0 + 1, y1 - 1, shade(look.top, -0.2));
      break;
    case "hoodie":
      if (back) { l.rect(13, y0, 6, 3, shade(look.top, -0.15)); } else if (view === "down") { l.px(14, y0 + 1, acc); l.px(17, y0 + 1, acc); l.hline(13, 18, y1 - 2, shade(look.top, -0.2)); }
      break;
    case "apron":
      if (view === "down") { l.rect(13, y0 + 2, 6, y1 - y0 + 1, acc); l.hline(13, 18, y0 + 2, shade(acc, 0.3)); }
      if (view === "left") l.rect(x0, y0 + 2, 2, y1 - y0 + 1, acc);
      if (back) l.hline(x0, x1, y0 + 4, acc);
      break;
    case "labcoat":
      if (view === "down") { l.vline(16, y0 + 1, y1 + 2, shade(look.top, -0.25)); l.px(14, y0 + 3, 0x4a70c0); }
      break;
    case "vest":
      if (view === "down") { l.rect(15, y0, 2, y1 - y0, acc); }
      break;
    case "overalls":
      if (view === "down") { l.rect(13, y0 + 2, 6, y1 - y0 - 1, look.bottom); l.vline(13, y0, y0 + 2, look.bottom); l.vline(18, y0, y0 + 2, look.bottom); }
      break;
    case "sweater":
      l.hline(x0, x1, y1 - 1, shade(look.top, -0.2));
      if (!back) l.hline(15, 17, y0, acc);
      break;
    case "dress":
      l.hline(x0, x1, y1, shade(look.top, -0.15));
      break;
    default:
      if (!back) l.hline(15, 16, y0, shade(look.top, -0.25));
  }
  if (look.trinket !== undefined && view === "down") l.px(16, y0 + 1, look.trinket);
}

function drawArms(l: Canvas, look: Look, r: Rig, view: View, step: number): void {
  const short = look.topStyle === "tee" || look.topStyle === "vest" || look.topStyle === "dress" || look.topStyle === "overalls";
  const sleeve = look.topStyle === "vest" ? look.accent ?? look.top : look.topStyle === "overalls" ? look.accent ?? look.top : look.top;
  const armLen = r.legTop - r.bodyTop - 1;
  const arm = (x: number, y0: number, len: number) => {
    for (let k = 0; k < len; k++) l.hline(x, x + 1, y0 + k, short && k >= 2 ? look.skin : shade(sleeve, -0.08));
    l.hline(x, x + 1, y0 + len, look.skin);
  };
  if (view === "left") {
    const dx = step === 1 ? -2 : step === -1 ? 2 : 0;
    arm(15 + dx, r.bodyTop + 1, armLen - (step === 0 ? 0 : 1));
    return;
  }
  const swing = (side: number) => (step === 0 ? 0 : step === side ? 1 : -1);
  arm(16 - r.half - 2, r.bodyTop + 1, armLen + swing(-1) - 1);
  arm(16 + r.half, r.bodyTop + 1, armLen + swing(1) - 1);
}

function drawHead(l: Canvas, look: Look, h: Head, view: View): void {
  const skin = look.skin;
  l.roundRect(h.x0, h.y0, h.w, h.h, skin);
  l.hline(h.x0 + 1, h.x0 + h.w - 2, h.y0 + h.h - 1, shade(skin, -0.12));
  if (view === "up") return;
  const eye: Color = look.age === "elder" ? 0x3a2a2a : P.ink;
  const ey = h.y0 + (look.age === "kid" ? 6 : 7);
  if (view === "down") {
    l.rect(13, ey, 1, 2, eye);
    l.rect(18, ey, 1, 2, eye);
    l.px(13, ey, shade(eye, 0.35));
    l.px(18, ey, shade(eye, 0.35));
    l.px(12, ey + 2, shade(skin, -0.08));
    l.px(19, ey + 2, shade(skin, -0.08));
    if (!look.beard || look.beard === "stubble") l.hline(15, 16, ey + 3, shade(skin, -0.35));
    l.px(10, ey + 1, shade(skin, -0.1));
    l.px(21, ey + 1, shade(skin, -0.1));
  } else {
    l.rect(11, ey, 1, 2, eye);
    l.px(h.x0 - 1, ey + 2, skin);
    l.px(12, ey + 3, shade(skin, -0.35));
    l.px(18, ey, shade(skin, -0.15));
  }
  if (look.glasses !== undefined) drawGlasses(l, look.glasses, ey, view);
  if (look.beard) drawBeard(l, look, h, ey, view);
  if (look.trinket !== undefined && view === "down" && look.hairStyle !== "short" && look.hairStyle !== "crop") {
    l.px(h.x0 - 1, ey + 3, look.trinket);
    l.px(h.x0 + h.w, ey + 3, look.trinket);
  }
}

function drawGlasses(l: Canvas, col: Color, ey: number, view: View): void {
  if (view === "down") {
    l.frame(11, ey - 1, 4, 4, col);
    l.frame(17, ey - 1, 4, 4, col);
    l.hline(15, 16, ey, col);
  } else {
    l.frame(9, ey - 1, 4, 4, col);
    l.hline(13, 17, ey, col);
  }
}

function drawBeard(l: Canvas, look: Look, h: Head, ey: number, view: View): void {
  const col = look.hair === P.ink ? 0x2a2026 : shade(look.hair, -0.05);
  const bottom = h.y0 + h.h - 1;
  if (view === "down") {
    if (look.beard === "full") {
      for (let y = ey + 2; y <= bottom + 1; y++) l.hline(h.x0 + (y > bottom - 1 ? 2 : 0), h.x0 + h.w - 1 - (y > bottom - 1 ? 2 : 0), y, col);
      l.hline(15, 16, ey + 3, shade(look.skin, -0.3));
    }
    if (look.beard === "moustache") l.hline(14, 17, ey + 2, col);
    if (look.beard === "goatee") { l.hline(14, 17, ey + 2, col); l.rect(15, ey + 3, 2, 3, col); }
    if (look.beard === "stubble") for (let x = 12; x <= 19; x += 2) l.px(x, bottom - 1, shade(look.skin, -0.25));
  } else {
    if (look.beard === "full") { l.rect(h.x0 - 1, ey + 2, 8, bottom - ey, col); l.px(h.x0 + 1, ey + 3, shade(look.skin, -0.3)); }
    if (look.beard === "moustache" || look.beard === "goatee") l.hline(h.x0 - 1, h.x0 + 2, ey + 2, col);
    if (look.beard === "goatee") l.rect(h.x0, ey + 3, 2, 3, col);
  }
}
