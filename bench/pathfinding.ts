/** Path-finding time per query between random walkable tiles of the town map. */
import { performance } from "node:perf_hooks";
import { loadMaze } from "../server/town-factory";
import { findPath } from "../server/sim/pathfinding";
import { rngFor } from "../server/sim/rng";

export function pathfindingBench(queries: number): { queries: number; meanMs: number; p50Ms: number; p99Ms: number; meanLength: number } {
  const maze = loadMaze("ville");
  const walkable: { x: number; y: number }[] = [];
  for (let y = 0; y < maze.height; y++) for (let x = 0; x < maze.width; x++) if (maze.isWalkable(x, y)) walkable.push({ x, y });
  const rng = rngFor(42, "bench");
  const times: number[] = [];
  let length = 0;
  for (let i = 0; i < queries; i++) {
    const a = walkable[Math.floor(rng() * walkable.length)], b = walkable[Math.floor(rng() * walkable.length)];
    const t0 = performance.now();
    const r = findPath(maze, a, b);
    times.push(performance.now() - t0);
    if (r.ok) length += r.path.length;
  }
  times.sort((x, y) => x - y);
  return {
    queries,
    meanMs: times.reduce((n, t) => n + t, 0) / queries,
    p50Ms: times[Math.floor(queries * 0.5)],
    p99Ms: times[Math.floor(queries * 0.99)],
    meanLength: length / queries,
  };
}
