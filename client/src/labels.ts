/**
 * Keeps labels readable in a crowd. Each frame, in screen pixels:
 * 1. names go under the feet; a name that would cover another is pushed down below it;
 * 2. bubbles are placed one by one (the followed resident first, then whoever just spoke,
 *    then people in a conversation, then from the bottom of the screen up); a bubble that would cover a name or a bubble
 *    already placed is lifted above it, and hidden if it would float too far from its owner.
 */
import type Phaser from "phaser";
import type { Character } from "./character";

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const TAIL_PX = 5;
const GAP_PX = 1;
const MAX_LIFT_PX = 50;
const MAX_DROP_PX = 30;
const MAX_TRIES = 4;
const NAMES_FROM_ZOOM = 0.45;

export function layoutLabels(characters: Character[], view: Phaser.Geom.Rectangle, zoom: number, focusedId: string | null): void {
  const inView = characters.filter((c) => view.contains(c.headX, c.headY) || view.contains(c.sprite.x, c.sprite.y));
  const inViewSet = new Set(inView);
  for (const c of characters) {
    const shown = inViewSet.has(c);
    c.name.setVisible(shown && zoom >= NAMES_FROM_ZOOM);
    c.bubble.setVisible(shown);
  }
  const placed: Rect[] = zoom >= NAMES_FROM_ZOOM ? placeNames(inView, zoom) : [];
  const talkers = inView.filter((c) => !c.bubble.empty);
  talkers.sort((a, b) => rank(b, focusedId) - rank(a, focusedId) || b.headY - a.headY);
  for (const c of talkers) {
    const lift = findLift(c, zoom, placed) ?? (c.id === focusedId ? 0 : null);
    c.bubble.setVisible(lift !== null);
    c.bubble.placeAt(c.headX, c.headY, zoom, lift ?? 0);
  }
}

/** Places names top to bottom, each pushed below any earlier name it would cover. */
function placeNames(characters: Character[], zoom: number): Rect[] {
  const placed: Rect[] = [];
  const ordered = [...characters].sort((a, b) => a.sprite.y - b.sprite.y || a.sprite.x - b.sprite.x);
  for (const c of ordered) {
    const w = c.name.width;
    const h = c.name.height;
    const x = c.sprite.x * zoom - w / 2;
    const y = c.sprite.y * zoom + 1;
    let drop = 0;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const hit = placed.find((p) => overlaps(p, { x, y: y + drop, w, h }));
      if (!hit || drop > MAX_DROP_PX) break;
      drop = hit.y + hit.h - y + GAP_PX;
    }
    placed.push({ x, y: y + drop, w, h });
    c.placeName(zoom, drop);
  }
  return placed;
}

function rank(c: Character, focusedId: string | null): number {
  if (c.id === focusedId) return 3;
  if (c.speaking) return 2;
  return c.statusNow.talking ? 1 : 0;
}

/** Screen-pixel lift that keeps the bubble clear of the placed rects, or null if none fits. */
function findLift(c: Character, zoom: number, placed: Rect[]): number | null {
  const bubble = c.bubble;
  const x = c.headX * zoom;
  const y = c.headY * zoom;
  let lift = 0;
  for (let tries = 0; tries < MAX_TRIES && lift <= MAX_LIFT_PX; tries++) {
    const rect = { x: x - bubble.width / 2, y: y - lift - TAIL_PX - bubble.height, w: bubble.width, h: bubble.height + TAIL_PX };
    const hit = placed.find((p) => overlaps(p, rect));
    if (!hit) {
      placed.push(rect);
      return lift;
    }
    lift = y - hit.y + GAP_PX;
  }
  return null;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
