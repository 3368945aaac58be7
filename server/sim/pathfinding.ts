/**
 * A* on the 4-connected tile grid. Unlike the original, the search is never capped:
 * it returns a path or says why there is none.
 */
import type { Tile } from "./address";
import type { Maze } from "./maze";

export type PathFailure = "out_of_map" | "blocked" | "unreachable";
export type PathResult = { ok: true; path: Tile[] } | { ok: false; reason: PathFailure };

/** Scratch buffers reused across searches on one maze (searches are synchronous). */
interface Buffers {
  g: Float64Array;
  parent: Int32Array;
  stamp: Uint32Array;
  closed: Uint32Array;
  run: number;
}
const buffers = new WeakMap<Maze, Buffers>();

function buffersFor(maze: Maze): Buffers {
  let b = buffers.get(maze);
  if (!b) {
    const n = maze.width * maze.height;
    b = { g: new Float64Array(n), parent: new Int32Array(n), stamp: new Uint32Array(n), closed: new Uint32Array(n), run: 0 };
    buffers.set(maze, b);
  }
  return b;
}

/**
 * Shortest path from `from` to the nearest of `goals`.
 * The path excludes `from` and ends on the goal; it is empty when already there.
 */
export function findPath(maze: Maze, from: Tile, goals: Tile | Tile[]): PathResult {
  const targets = (Array.isArray(goals) ? goals : [goals]).filter((t) => maze.inBounds(t.x, t.y));
  if (!maze.inBounds(from.x, from.y) || targets.length === 0) return { ok: false, reason: "out_of_map" };
  const open = targets.filter((t) => maze.isWalkable(t.x, t.y));
  if (open.length === 0) return { ok: false, reason: "blocked" };

  const w = maze.width;
  const goalSet = new Set(open.map((t) => t.y * w + t.x));
  const start = from.y * w + from.x;
  if (goalSet.has(start)) return { ok: true, path: [] };

  const b = buffersFor(maze);
  const run = ++b.run;
  const h = (i: number) => {
    const x = i % w, y = (i - x) / w;
    let best = Infinity;
    for (const t of open) best = Math.min(best, Math.abs(t.x - x) + Math.abs(t.y - y));
    return best;
  };
  const heap = new MinHeap();
  b.g[start] = 0;
  b.stamp[start] = run;
  b.parent[start] = -1;
  heap.push(start, h(start));
  while (heap.size > 0) {
    const cur = heap.pop();
    if (b.closed[cur] === run) continue;
    b.closed[cur] = run;
    if (goalSet.has(cur)) return { ok: true, path: unwind(b.parent, cur, start, w) };
    const cx = cur % w, cy = (cur - cx) / w;
    const ng = b.g[cur] + 1;
    for (let d = 0; d < 4; d++) {
      const nx = cx + DX[d], ny = cy + DY[d];
      if (!maze.isWalkable(nx, ny)) continue;
      const n = ny * w + nx;
      if (b.closed[n] === run) continue;
      if (b.stamp[n] === run && b.g[n] <= ng) continue;
      b.stamp[n] = run;
      b.g[n] = ng;
      b.parent[n] = cur;
      heap.push(n, ng + h(n));
    }
  }
  return { ok: false, reason: "unreachable" };
}

/** Flood fill: 1 where a walkable tile is reachable from `from` (index y * width + x). */
export function reachableFrom(maze: Maze, from: Tile): Uint8Array {
  const seen = new Uint8Array(maze.width * maze.height);
  if (!maze.isWalkable(from.x, from.y)) return seen;
  const w = maze.width;
  const queue = [from.y * w + from.x];
  seen[queue[0]] = 1;
  for (let qi = 0; qi < queue.length; qi++) {
    const cur = queue[qi];
    const cx = cur % w, cy = (cur - cx) / w;
    for (let d = 0; d < 4; d++) {
      const nx = cx + DX[d], ny = cy + DY[d];
      if (!maze.isWalkable(nx, ny)) continue;
      const n = ny * w + nx;
      if (!seen[n]) {
        seen[n] = 1;
        queue.push(n);
      }
    }
  }
  return seen;
}

const DX = [1, -1, 0, 0];
const DY = [0, 0, 1, -1];

function unwind(parent: Int32Array, end: number, start: number, w: number): Tile[] {
  const path: Tile[] = [];
  for (let i = end; i !== start; i = parent[i]) path.push({ x: i % w, y: Math.floor(i / w) });
  return path.reverse();
}

/** Binary min-heap of tile indices by priority. */
class MinHeap {
  private items: number[] = [];
  private prios: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, prio: number): void {
    const a = this.items, p = this.prios;
    let i = a.length;
    a.push(item);
    p.push(prio);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (p[up] <= prio) break;
      a[i] = a[up];
      p[i] = p[up];
      i = up;
    }
    a[i] = item;
    p[i] = prio;
  }
  pop(): number {
    const a = this.items, p = this.prios;
    const top = a[0];
    const lastItem = a.pop()!, lastPrio = p.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i, mp = lastPrio;
        if (l < a.length && p[l] < mp) (m = l), (mp = p[l]);
        if (r < a.length && p[r] < mp) (m = r), (mp = p[r]);
        if (m === i) break;
        a[i] = a[m];
        p[i] = p[m];
        i = m;
      }
      a[i] = lastItem;
      p[i] = lastPrio;
    }
    return top;
  }
}
