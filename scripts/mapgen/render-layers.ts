/**
 * Turning the world's terrain and walls into tile ids: picks grass variants,
 * blends water and dirt into grass, puts curbs on sidewalks, autotiles walls
 * (3/4 faces, windows), fences and hedges.
 */
import { Canvas } from "./canvas";
import { FloorName } from "./palette";
import { noise } from "./rng";
import { paintDirtBlend, paintGrass, paintPavers, paintRoad, paintSidewalk, paintWater, paintWaterBlend } from "./tiles-ground";
import { paintDoormat, paintFloor, paintRug, paintStage, paintThreshold } from "./tiles-floors";
import { E, N, S, W, paintFacadePair, paintFence, paintHedge, paintPorch, paintWall } from "./tiles-walls";
import { World } from "./world";

const DIRS: [number, number, number][] = [[0, -1, N], [1, 0, E], [0, 1, S], [-1, 0, W]];

export function renderGround(world: World): Int32Array {
  const out = new Int32Array(world.width * world.height);
  for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) out[world.idx(x, y)] = groundTile(world, x, y);
  return out;
}

export function renderWalls(world: World): Int32Array {
  const out = new Int32Array(world.width * world.height).fill(-1);
  for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) {
    const w = world.wallAt(x, y);
    if (w) out[world.idx(x, y)] = wallTile(world, x, y);
  }
  return out;
}

function mask4(world: World, x: number, y: number, same: (x: number, y: number) => boolean): number {
  let m = 0;
  for (const [dx, dy, bit] of DIRS) if (same(x + dx, y + dy)) m |= bit;
  return m;
}

function mask9(world: World, x: number, y: number, inside: (t: string) => boolean): number {
  let m = 0;
  for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) {
    const t = world.ter(x + i - 1, y + j - 1);
    if (inside(t === "edge" ? world.ter(x, y) : t)) m |= 1 << (j * 3 + i);
  }
  return m;
}

const isGrassy = (t: string) => t.startsWith("grass") || t === "water" || t === "dirt" || t === "sand";

function groundTile(world: World, x: number, y: number): number {
  const ts = world.tiles;
  const t = world.ter(x, y);
  const [kind, a, b] = t.split(":");
  const v = Math.floor(noise(x, y, 7) * 6);
  switch (kind) {
    case "grass": {
      const detail = a ?? "";
      return ts.tile(`grass:${v}:${detail}`, (c) => paintGrass(c, v, detail));
    }
    case "water": {
      const m = mask9(world, x, y, (n) => n === "water");
      if (m === 511) return ts.tile(`water:${v % 3}`, (c) => paintWater(c, v % 3));
      return ts.tile(`waterb:${m}`, (c) => paintWaterBlend(c, m));
    }
    case "dirt": {
      const m = mask9(world, x, y, (n) => !isGrassy(n) || n === "dirt");
      return ts.tile(`dirt:${m}:${v % 3}`, (c) => paintDirtBlend(c, m, v % 3));
    }
    case "sand": {
      const m = mask9(world, x, y, (n) => n === "sand" || !(isGrassy(n) || n === "dirt"));
      return ts.tile(`sand:${m}:${v % 3}`, (c) => paintDirtBlend(c, m, v % 3, true));
    }
    case "sidewalk": {
      const curb = mask4(world, x, y, (nx, ny) => world.ter(nx, ny).startsWith("road"));
      const vv = v % 4;
      return ts.tile(`sidewalk:${curb}:${vv}`, (c) => paintSidewalk(c, curb, vv));
    }
    case "road": {
      const mark = a ?? "";
      const vv = mark ? 0 : v % 4;
      return ts.tile(`road:${mark}:${vv}`, (c) => paintRoad(c, mark, vv));
    }
    case "pavers":
      return ts.tile(`pavers:${v % 2}`, (c) => paintPavers(c, v % 2));
    case "floor": {
      // soft contact shadow where the floor meets a wall to the north or west
      const shadow = (isWall(world, x, y - 1) ? 1 : 0) | (isWall(world, x - 1, y) ? 2 : 0);
      return ts.tile(`floor:${a}:${shadow}`, (c) => { paintFloor(c, a as FloorName); wallShadow(c, shadow); });
    }
    case "door":
      return ts.tile(`door:${a}:${b}`, (c) => paintThreshold(c, a as FloorName, b === "h"));
    case "rug": {
      const color = parseInt(b, 16);
      const sides = mask4(world, x, y, (nx, ny) => world.ter(nx, ny) === t);
      return ts.tile(`rug:${a}:${b}:${sides}`, (c) => paintRug(c, a as FloorName, color, sides));
    }
    case "mat": {
      const base = (c: Canvas) => (a === "sidewalk" ? paintSidewalk(c, 0, 0) : a === "pavers" ? paintPavers(c, 0) : paintGrass(c, 0, ""));
      return ts.tile(`mat:${a}:${b}`, (c) => paintDoormat(c, base, parseInt(b, 16)));
    }
    case "stage": {
      const sides = mask4(world, x, y, (nx, ny) => world.ter(nx, ny) === t);
      return ts.tile(`stage:${sides}`, (c) => paintStage(c, sides));
    }
    case "porch":
      return ts.tile(`porch:${a}`, (c) => paintPorch(c, a));
    case "soil":
      return ts.tile(`soil:${v % 2}`, (c) => paintSoil(c, v % 2));
    default:
      throw new Error(`unknown terrain '${t}' at ${x},${y}`);
  }
}

function isWall(world: World, x: number, y: number): boolean {
  const w = world.wallAt(x, y);
  return !!w && w.type === "wall";
}

function wallShadow(c: Canvas, mask: number): void {
  if (mask & 1) for (let k = 0; k < 5; k++) c.hline(0, 31, k, 0x1a1424, 70 - k * 14);
  if (mask & 2) for (let k = 0; k < 4; k++) c.vline(k, 0, 31, 0x1a1424, 55 - k * 14);
}

function paintSoil(c: Canvas, v: number): void {
  for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
    const n = noise(x, y, 300 + v);
    c.px(x, y, y % 8 === 0 ? 0x4e3628 : n < 0.2 ? 0x5a3e2c : n > 0.9 ? 0x8a6448 : 0x6a4a34);
  }
}

function wallTile(world: World, x: number, y: number): number {
  const w = world.wallAt(x, y)!;
  const ts = world.tiles;
  if (w.type === "fence") {
    const m = mask4(world, x, y, (nx, ny) => world.wallAt(nx, ny)?.type === "fence");
    return ts.tile(`fence:${w.style}:${m}`, (c) => paintFence(c, m, w.style));
  }
  if (w.type === "hedge") {
    const m = mask4(world, x, y, (nx, ny) => world.wallAt(nx, ny)?.type === "hedge");
    return ts.tile(`hedge:${m}`, (c) => paintHedge(c, m));
  }
  if (w.type === "facade") return facadeTile(world, x, y - 1, 1);
  if (world.wallAt(x, y + 1)?.type === "facade") return facadeTile(world, x, y, 0);
  const m = mask4(world, x, y, (nx, ny) => world.wallAt(nx, ny)?.type === "wall");
  let face: string | null = null;
  let decor = "";
  if (!(m & S)) {
    const si = world.idx(x, y + 1);
    face = world.wallpaper[si] ?? "cream";
    decor = innerWindow(world, x, y, m);
  }
  const cap = w.cap;
  return ts.tile(`wall:${cap}:${face}:${m}:${decor}`, (c) => paintWall(c, m, { cap, face, decor }));
}

/** Half (0 upper, 1 lower) of the two-storey facade whose wall tile is (x, y). */
function facadeTile(world: World, x: number, y: number, half: number): number {
  const w = world.wallAt(x, y);
  if (!w || w.type === "hedge" || w.type === "fence") throw new Error(`facade without a wall above at ${x},${y + 1}`);
  const m = mask4(world, x, y, (nx, ny) => world.wallAt(nx, ny)?.type === "wall") & ~S;
  const local = x - w.bx;
  const doorNear = [-1, 1].some((d) => world.ter(x + d, y).startsWith("door"));
  let decor = "plain";
  if (w.awning !== undefined) decor = local > 0 && local < w.bw - 1 && !doorNear ? "display" : "plain";
  else if ((m & E) && (m & W) && !doorNear && local % 3 === 1 && local < w.bw - 2) decor = "window";
  const key = `facade:${w.facade}:${m}:${decor}:${w.awning ?? ""}`;
  return world.tiles.part(key, 1, 2, (c) => paintFacadePair(c, m, w.facade, decor, w.awning), 0, half);
}

/** Whether the wall tile at (x, y) will show a window on its inner face. */
export function hasInnerWindow(world: World, x: number, y: number): boolean {
  const m = mask4(world, x, y, (nx, ny) => world.wallAt(nx, ny)?.type === "wall");
  return !(m & S) && innerWindow(world, x, y, m) !== "";
}

/** Windows on the inside of outer walls, every third tile of a long stretch. */
function innerWindow(world: World, x: number, y: number, m: number): string {
  if (!(m & E) || !(m & W) || x % 3 !== 1) return "";
  const doorNear = [-1, 1].some((d) => world.ter(x + d, y + 1).startsWith("door") || world.ter(x + d, y).startsWith("door"));
  if (doorNear) return "";
  const outsideAbove = !world.inside(x, y - 1) || (world.indoor[world.idx(x, y - 1)] === 0 && !world.wallAt(x, y - 1));
  return outsideAbove ? "window-in" : "";
}

