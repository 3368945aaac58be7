/**
 * Stamping a floor plan into the world: walls, floors, doorways, rooms (arenas)
 * and sectors. Plans may be mirrored so the front door faces the street.
 */
import { BuildingPlan, RoomSpec } from "./building-plans";
import { FACADE, FloorName } from "./palette";
import { Rect, World, rectContains } from "./world";

export interface Door {
  x: number;
  y: number;
  /** Step from the door to the outside: (dx, dy). */
  dx: number;
  dy: number;
}

export interface PlacedBuilding {
  plan: BuildingPlan;
  /** The plan's cells (the sector of single-sector buildings). */
  rect: Rect;
  /** rect plus the facade row below it. */
  footprint: Rect;
  frontDoors: Door[];
}

const isRoomChar = (ch: string) => /[A-Za-z]/.test(ch);

export function transformRows(rows: string[], flipX: boolean, flipY: boolean): string[] {
  let out = rows.slice();
  if (flipY) out = out.reverse();
  if (flipX) out = out.map((r) => r.split("").reverse().join(""));
  return out;
}

/** Stamp plan with its top-left corner at (x0, y0). Throws on malformed plans. */
export function stampBuilding(world: World, plan: BuildingPlan, x0: number, y0: number, flipX = false, flipY = false): PlacedBuilding {
  const rows = transformRows(plan.rows, flipX, flipY);
  const w = rows[0].length, h = rows.length;
  rows.forEach((r, i) => {
    if (r.length !== w) throw new Error(`plan ${plan.id}: row ${i} is ${r.length} wide, expected ${w}`);
  });
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? rows[y][x] : " ");
  const facade = FACADE[plan.facade];
  // shop fronts (awning, display windows) only when the front door is in the south wall
  const awning = flipY ? undefined : plan.awning;
  const roomIndex = new Map<string, number>();
  for (const [ch, spec] of Object.entries(plan.rooms)) {
    const rect = letterRect(rows, ch, plan.id);
    roomIndex.set(ch, world.rooms.length);
    world.rooms.push({ sector: sectorOf(plan, spec), arena: spec.arena, kind: spec.kind, rect: offset(rect, x0, y0), floor: spec.floor, wallpaper: spec.wallpaper, residents: spec.residents ?? [] });
  }
  const frontDoors: Door[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ch = at(x, y), gx = x0 + x, gy = y0 + y, i = world.idx(gx, gy);
      if (ch === " ") continue;
      if (ch === "#") {
        world.setWall(gx, gy, { type: "wall", cap: facade.cap, facade: plan.facade, bx: x0, bw: w, awning });
        continue;
      }
      world.indoor[i] = 1;
      if (isRoomChar(ch)) {
        const spec = plan.rooms[ch];
        if (!spec) throw new Error(`plan ${plan.id}: letter ${ch} has no room`);
        world.setTer(gx, gy, `floor:${spec.floor}`);
        world.roomAt[i] = roomIndex.get(ch)!;
        world.wallpaper[i] = spec.wallpaper;
      } else if (ch === ".") {
        world.setTer(gx, gy, `floor:${plan.hallFloor ?? "linoleum"}`);
        world.wallpaper[i] = "cream";
      } else if (ch === "+" || ch === "@") {
        stampDoor(world, plan, rows, x, y, x0, y0);
        if (ch === "@") frontDoors.push(frontDoor(rows, x, y, x0, y0, plan.id));
      } else throw new Error(`plan ${plan.id}: unknown character '${ch}' at ${x},${y}`);
    }
  }
  const rect = { x: x0, y: y0, w, h };
  addSectors(world, plan, rect, roomIndex);
  addFacadeRow(world, plan, rows, x0, y0, frontDoors, awning);
  return { plan, rect, footprint: { ...rect, h: h + 1 }, frontDoors };
}

/**
 * The south face of a building is two tiles tall: the wall row shows its upper
 * storey and a blocked row outside shows the lower one. Front doors in the
 * south wall continue through it as a porch step.
 */
function addFacadeRow(world: World, plan: BuildingPlan, rows: string[], x0: number, y0: number, doors: Door[], awning: number | undefined): void {
  const facade = FACADE[plan.facade];
  const w = rows[0].length, y = y0 + rows.length;
  const last = rows[rows.length - 1];
  for (let x = 0; x < w; x++) {
    const gx = x0 + x;
    if (last[x] === "@") {
      world.setTer(gx, y, `porch:${plan.facade}`);
      world.keepClear[world.idx(gx, y)] = 1;
      const d = doors.find((dd) => dd.x === gx && dd.y === y - 1);
      if (d) d.y = y;
    } else if (last[x] === "#") {
      world.setWall(gx, y, { type: "facade", cap: facade.cap, facade: plan.facade, bx: x0, bw: w, awning });
    }
  }
}

function sectorOf(plan: BuildingPlan, spec: RoomSpec): string {
  const s = spec.sector ?? plan.sector;
  if (!s) throw new Error(`plan ${plan.id}: room ${spec.arena} has no sector`);
  return s;
}

function offset(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x + dx, y: r.y + dy, w: r.w, h: r.h };
}

/** Bounding box of a letter, which must fill it completely. */
function letterRect(rows: string[], ch: string, id: string): Rect {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  rows.forEach((r, y) => r.split("").forEach((c, x) => {
    if (c !== ch) return;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }));
  if (x1 < 0) throw new Error(`plan ${id}: room ${ch} is not drawn`);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    if (rows[y][x] !== ch) throw new Error(`plan ${id}: room ${ch} is not a rectangle (cell ${x},${y})`);
  }
  return { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** A doorway takes the floor and wallpaper of a room beside it. */
function stampDoor(world: World, plan: BuildingPlan, rows: string[], x: number, y: number, x0: number, y0: number): void {
  const at = (xx: number, yy: number) => rows[yy]?.[xx] ?? " ";
  const horizontalWall = at(x - 1, y) === "#" || at(x + 1, y) === "#" || at(x - 1, y) === at(x, y);
  const sides = horizontalWall ? [at(x, y - 1), at(x, y + 1)] : [at(x - 1, y), at(x + 1, y)];
  const spec = sides.map((c) => plan.rooms[c]).find((s): s is RoomSpec => !!s);
  const floor: FloorName = spec?.floor ?? plan.hallFloor ?? "linoleum";
  const gx = x0 + x, gy = y0 + y, i = world.idx(gx, gy);
  world.setTer(gx, gy, `door:${floor}:${horizontalWall ? "h" : "v"}`);
  world.wallpaper[i] = spec?.wallpaper ?? "cream";
  world.keepClear[i] = 1;
  const [dx, dy] = horizontalWall ? [0, 1] : [1, 0];
  for (const s of [-1, 1]) {
    const nx = gx + dx * s, ny = gy + dy * s;
    if (world.inside(nx, ny)) world.keepClear[world.idx(nx, ny)] = 1;
  }
}

function frontDoor(rows: string[], x: number, y: number, x0: number, y0: number, id: string): Door {
  const h = rows.length, w = rows[0].length;
  if (y === h - 1) return { x: x0 + x, y: y0 + y, dx: 0, dy: 1 };
  if (y === 0) return { x: x0 + x, y: y0 + y, dx: 0, dy: -1 };
  if (x === 0) return { x: x0 + x, y: y0 + y, dx: -1, dy: 0 };
  if (x === w - 1) return { x: x0 + x, y: y0 + y, dx: 1, dy: 0 };
  throw new Error(`plan ${id}: front door at ${x},${y} is not on the outer wall`);
}

/**
 * One sector for the whole footprint, or, when rooms name their own sectors,
 * the bounding box of each sector's rooms and doorways (they must not overlap).
 */
function addSectors(world: World, plan: BuildingPlan, rect: Rect, roomIndex: Map<string, number>): void {
  if (plan.sector) {
    world.sectors.push({ name: plan.sector, rect });
    return;
  }
  const boxes = new Map<string, Rect>();
  for (const ri of roomIndex.values()) {
    const room = world.rooms[ri];
    const r = room.rect;
    const grown = growToDoors(world, r);
    const b = boxes.get(room.sector);
    boxes.set(room.sector, b ? union(b, grown) : grown);
  }
  for (const [name, r] of boxes) {
    for (const s of world.sectors) if (overlaps(s.rect, r)) throw new Error(`plan ${plan.id}: sector ${name} overlaps ${s.name}`);
    world.sectors.push({ name, rect: r });
  }
}

/** Extend a room rectangle over the doorways in its walls. */
function growToDoors(world: World, r: Rect): Rect {
  let out = { ...r };
  for (let x = r.x - 1; x <= r.x + r.w; x++) for (let y = r.y - 1; y <= r.y + r.h; y++) {
    if (rectContains(r, x, y) || !world.inside(x, y)) continue;
    const inCross = (x >= r.x && x < r.x + r.w) || (y >= r.y && y < r.y + r.h);
    if (inCross && world.ter(x, y).startsWith("door:")) out = union(out, { x, y, w: 1, h: 1 });
  }
  return out;
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
