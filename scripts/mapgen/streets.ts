/**
 * Streets, sidewalks, footpath lanes and the paths that join front doors to
 * them. A street is 8 tiles: 2 sidewalk, 4 road (two lanes), 2 sidewalk.
 */
import { Door } from "./buildings";
import { Rect, World } from "./world";

export const STREET = 8;

/** A horizontal street whose top sidewalk row is y, from x0 to x1 inclusive. */
export function horizontalStreet(world: World, y: number, x0: number, x1: number): void {
  for (let x = x0; x <= x1; x++) {
    for (let k = 0; k < STREET; k++) {
      const road = k >= 2 && k <= 5;
      const mark = k === 3 && x % 3 !== 0 ? "road:cl-s" : k === 4 && x % 3 !== 0 ? "road:cl-n" : "road";
      world.setTer(x, y + k, road ? mark : "sidewalk");
    }
  }
}

/** A vertical street between two horizontal ones: its roadway joins theirs. */
export function verticalStreet(world: World, x: number, y0: number, y1: number): void {
  for (let y = y0; y <= y1; y++) {
    for (let k = 0; k < STREET; k++) {
      const road = k >= 2 && k <= 5;
      const mark = k === 3 && y % 3 !== 0 ? "road:cl-e" : k === 4 && y % 3 !== 0 ? "road:cl-w" : "road";
      world.setTer(x + k, y, road ? mark : "sidewalk");
    }
  }
}

/** Open the sidewalks where a vertical street meets a horizontal one and paint crossings. */
export function junction(world: World, vx: number, hy: number, below: boolean): void {
  // the horizontal street's sidewalk rows on the side of the vertical street become road
  const rows = below ? [hy + 6, hy + 7] : [hy, hy + 1];
  for (const y of rows) for (let k = 2; k <= 5; k++) world.setTer(vx + k, y, "road");
  // plain asphalt inside the crossing, zebra stripes on the approaches
  for (let y = hy + 2; y <= hy + 5; y++) for (let k = 2; k <= 5; k++) world.setTer(vx + k, y, "road");
  for (let y = hy + 2; y <= hy + 5; y++) {
    world.setTer(vx, y, "road:zebra-h");
    world.setTer(vx + 1, y, "road:zebra-h");
    world.setTer(vx + 6, y, "road:zebra-h");
    world.setTer(vx + 7, y, "road:zebra-h");
  }
  const zy = below ? hy + 8 : hy - 1;
  for (let k = 2; k <= 5; k++) world.setTer(vx + k, zy, "road:zebra-v");
}

/**
 * Lay a path from a front door to the nearest paved cell, preferring straight
 * runs (a turn costs as much as four steps). Marks the path keep-clear.
 */
export function pathFromDoor(world: World, door: Door, surface: string, avoid: Rect[] = []): void {
  const sx = door.x + door.dx, sy = door.y + door.dy;
  const W = world.width;
  const isGoal = (x: number, y: number) => {
    const t = world.ter(x, y);
    return t === "sidewalk" || t === "pavers" || (surface === "dirt" && t === "dirt" && !(x === sx && y === sy));
  };
  const dirs = [[0, -1], [1, 0], [0, 1], [-1, 0]];
  const { cost, prev, touched } = searchState(W * world.height * 4);
  const start = ((sy * W + sx) * 4) + dirs.findIndex(([dx, dy]) => dx === door.dx && dy === door.dy);
  cost[start] = 0;
  touched.push(start);
  // integer costs: a bucket queue is a simple exact priority queue
  const buckets: number[][] = [[start]];
  let goal = -1;
  for (let c = 0; c < buckets.length && goal < 0; c++) {
    for (const s of buckets[c] ?? []) {
      if (cost[s] !== c) continue;
      const cell = s >> 2, d = s & 3, x = cell % W, y = Math.floor(cell / W);
      if (isGoal(x, y)) { goal = s; break; }
      dirs.forEach(([dx, dy], nd) => {
        const nx = x + dx, ny = y + dy;
        if (!world.inside(nx, ny) || !passable(world, nx, ny, avoid)) return;
        const ns = ((ny * W + nx) * 4) + nd;
        const nc = c + 1 + (nd === d ? 0 : 4);
        if (nc < cost[ns]) { if (cost[ns] === Infinity) touched.push(ns); cost[ns] = nc; prev[ns] = s; (buckets[nc] ??= []).push(ns); }
      });
    }
  }
  const path: number[] = [];
  if (goal >= 0) for (let s = prev[goal]; s >= 0; s = prev[s]) path.push(s >> 2);
  // leave the shared search arrays as new for the next door
  for (const t of touched) { cost[t] = Infinity; prev[t] = -1; }
  touched.length = 0;
  if (goal < 0) throw new Error(`no path from door at ${door.x},${door.y}`);
  for (const cell of path) {
    const x = cell % W, y = Math.floor(cell / W);
    world.setTer(x, y, surface);
    world.keepClear[cell] = 1;
  }
}

/** The search arrays of pathFromDoor, allocated once per map size (a big map has hundreds of doors). */
let shared: { cost: Float64Array; prev: Int32Array; touched: number[] } | null = null;
function searchState(size: number): { cost: Float64Array; prev: Int32Array; touched: number[] } {
  if (!shared || shared.cost.length !== size) shared = { cost: new Float64Array(size).fill(Infinity), prev: new Int32Array(size).fill(-1), touched: [] };
  return shared;
}

function passable(world: World, x: number, y: number, avoid: Rect[]): boolean {
  const i = world.idx(x, y);
  if (world.blocked[i] || world.indoor[i]) return false;
  if (avoid.some((r) => x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h)) return false;
  const t = world.ter(x, y);
  return t.startsWith("grass") || t === "sidewalk" || t === "pavers" || t === "dirt";
}
