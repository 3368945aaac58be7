/**
 * The furniture placer. Every placement is tried and kept only if the room
 * stays usable: all its free floor stays connected to its doors, and every
 * object keeps a walkable "use" tile of its own (next to no other object), so
 * a loader that hands neighbour tiles to objects in any order gives each one.
 */
import { ItemDef, item } from "./items";
import { Rng } from "./rng";
import { PlacedObject, Rect, Room, World, rectContains } from "./world";

export type Where = "n" | "s" | "e" | "w" | "wall" | "free" | "any" | "corner";

const N4 = [[0, -1], [1, 0], [0, 1], [-1, 0]];

export class Furnisher {
  constructor(readonly world: World, readonly rng: Rng) {}

  /** Stamp item id with its footprint's top-left at (x, y); undone if the room breaks. */
  tryPlace(roomIdx: number, id: string, x: number, y: number, v = -1): boolean {
    const w = this.world, d = item(id), room = w.rooms[roomIdx];
    const foot = { x, y, w: d.w, h: d.h };
    if (!insideRect(room.rect, foot) || !w.rectFree(foot)) return false;
    for (let k = 1; k <= d.overhang; k++) {
      for (let i = 0; i < d.w; i++) {
        const cell = w.wallAt(x + i, y - k);
        if (!cell || cell.type !== "wall" || w.furniture[w.idx(x + i, y - k)] >= 0) return false;
      }
    }
    const variant = v >= 0 ? v : this.rng.int(0, d.variants - 1);
    const undo = this.stamp(room, id, d, x, y, variant);
    if (d.solid && !this.roomUsable(roomIdx)) {
      undo();
      this.journal?.pop();
      return false;
    }
    return true;
  }

  /** Undo steps of the placements made inside the open `together` groups (innermost last). */
  private journal: (() => void)[] | null = null;

  /**
   * Run a group of placements; if it returns false, everything it placed is undone
   * (the undo steps of its placements run in reverse: the same as restoring the
   * furniture and collision as they were, without copying a big map's arrays).
   */
  together(group: () => boolean): boolean {
    const w = this.world;
    const outer = this.journal, mine: (() => void)[] = [], objects = w.objects.length;
    this.journal = mine;
    let ok: boolean;
    try {
      ok = group();
    } catch (e) {
      // what it placed stays undoable by an enclosing group
      this.journal = outer;
      outer?.push(...mine);
      throw e;
    }
    this.journal = outer;
    if (ok) {
      outer?.push(...mine);
      return true;
    }
    for (let i = mine.length - 1; i >= 0; i--) mine[i]();
    w.objects.length = objects;
    return false;
  }

  /** Try the candidate spots of a placement rule in random order; the footprint placed, or null. */
  place(roomIdx: number, id: string, where: Where, v = -1): Rect | null {
    const d = item(id);
    for (const [x, y] of this.rng.shuffle(this.spots(roomIdx, id, where))) {
      if (this.tryPlace(roomIdx, id, x, y, v)) return { x, y, w: d.w, h: d.h };
    }
    return null;
  }

  /** Like place, but the generator fails loudly when nothing fits. */
  require(roomIdx: number, id: string, where: Where, v = -1): Rect {
    const r = this.place(roomIdx, id, where, v) ?? this.place(roomIdx, id, "any", v);
    if (r) return r;
    const room = this.world.rooms[roomIdx];
    throw new Error(`cannot fit ${id} into ${room.sector}:${room.arena}`);
  }

  spots(roomIdx: number, id: string, where: Where): [number, number][] {
    const r = this.world.rooms[roomIdx].rect, d = item(id);
    const out: [number, number][] = [];
    const x1 = r.x + r.w - d.w, y1 = r.y + r.h - d.h;
    for (let y = r.y; y <= y1; y++) for (let x = r.x; x <= x1; x++) {
      const n = y === r.y, s = y === y1, w = x === r.x, e = x === x1;
      const ok =
        where === "any" ? true :
        where === "n" ? n : where === "s" ? s : where === "w" ? w : where === "e" ? e :
        where === "wall" ? n || s || w || e :
        where === "corner" ? (n || s) && (w || e) :
        !n && !s && !w && !e;
      if (ok && (d.overhang === 0 || n)) out.push([x, y]);
    }
    return out;
  }

  /** Walkable chairs on the free middle cells around a table rectangle. */
  chairsAround(roomIdx: number, t: Rect, sides = "nsew"): void {
    const cy = t.y + Math.floor((t.h - 1) / 2);
    const seats: [string, number, number][] = [];
    for (let i = 0; i < t.w; i++) { seats.push(["n", t.x + i, t.y - 1]); seats.push(["s", t.x + i, t.y + t.h]); }
    for (let j = 0; j < t.h; j++) { seats.push(["w", t.x - 1, t.y + j]); seats.push(["e", t.x + t.w, t.y + j]); }
    for (const [side, x, y] of seats) {
      if (!sides.includes(side)) continue;
      if ((side === "w" || side === "e") && y !== cy) continue;
      const back = side === "n" ? "n" : side === "s" ? "s" : side === "w" ? "w" : "e";
      this.tryPlace(roomIdx, `chair ${back}`, x, y);
    }
  }

  private stamp(room: Room, id: string, d: ItemDef, x: number, y: number, v: number): () => void {
    const w = this.world, ts = w.tiles;
    const key = `item:${id}:${v}`;
    const saved: [number, number, number][] = [];
    for (let j = -d.overhang; j < d.h; j++) for (let i = 0; i < d.w; i++) {
      const idx = w.idx(x + i, y + j);
      saved.push([idx, w.furniture[idx], w.blocked[idx]]);
      const tile = ts.part(key, d.w, d.h + d.overhang, (c) => d.paint(c, v), i, j + d.overhang);
      if (tile >= 0) w.furniture[idx] = tile;
      if (j >= 0 && d.solid) w.blocked[idx] = 1;
    }
    const objCount = w.objects.length;
    if (d.kind) w.objects.push({ sector: room.sector, arena: room.arena, name: objectName(w.objects, room, d.kind), kind: d.kind, rect: { x, y, w: d.w, h: d.h } });
    const undo = () => {
      for (const [idx, f, b] of saved) { w.furniture[idx] = f; w.blocked[idx] = b; }
      w.objects.length = objCount;
    };
    this.journal?.push(undo);
    return undo;
  }

  /** One connected floor touching an entrance, plus a private use tile for every object. */
  roomUsable(roomIdx: number): boolean {
    const w = this.world, room = w.rooms[roomIdx], r = room.rect;
    const cells: number[] = [];
    const seeds: number[] = [];
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) {
      if (!w.walkable(x, y)) continue;
      cells.push(w.idx(x, y));
      // entrances: walkable cells just outside the room (doorways, park gates)
      if (N4.some(([dx, dy]) => !rectContains(r, x + dx, y + dy) && w.walkable(x + dx, y + dy))) seeds.push(w.idx(x, y));
    }
    if (!seeds.length) return false;
    // one component: every free cell reachable from any one entrance inside the room
    const seen = new Set<number>([seeds[0]]);
    const queue = [seeds[0]];
    while (queue.length) {
      const i = queue.pop()!;
      const x = i % w.width, y = Math.floor(i / w.width);
      for (const [dx, dy] of N4) {
        const nx = x + dx, ny = y + dy, ni = w.idx(nx, ny);
        if (rectContains(r, nx, ny) && w.walkable(nx, ny) && !seen.has(ni)) { seen.add(ni); queue.push(ni); }
      }
    }
    if (seen.size !== cells.length) return false;
    const objs = w.objects.filter((o) => o.sector === room.sector && o.arena === room.arena);
    return objs.every((o) => hasPrivateUseTile(w, r, o, objs));
  }
}

function hasPrivateUseTile(w: World, r: Rect, o: PlacedObject, all: PlacedObject[]): boolean {
  for (const [x, y] of ring(o.rect)) {
    if (!rectContains(r, x, y) || !w.walkable(x, y)) continue;
    const touching = all.filter((p) => p !== o && N4.some(([dx, dy]) => rectContains(p.rect, x + dx, y + dy)));
    if (!touching.length) return true;
  }
  return false;
}

/** The 4-neighbour cells around a rectangle (no corners). */
export function ring(t: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < t.w; i++) out.push([t.x + i, t.y - 1], [t.x + i, t.y + t.h]);
  for (let j = 0; j < t.h; j++) out.push([t.x - 1, t.y + j], [t.x + t.w, t.y + j]);
  return out;
}

function insideRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

function objectName(objects: PlacedObject[], room: Room, kind: string): string {
  const n = objects.filter((o) => o.sector === room.sector && o.arena === room.arena && o.kind === kind).length;
  return n === 0 ? kind : `${kind} ${n + 1}`;
}
