/**
 * Execute: turn the current action's place into a path. Up to four candidate tiles of
 * the place are tried and the nearest reachable one wins; if the object cannot be
 * reached, any tile of its arena, then of its sector, will do.
 */
import { truncate, type Address, type Tile } from "../sim/address";
import type { Maze } from "../sim/maze";
import { findPath, type PathFailure } from "../sim/pathfinding";
import type { Rng } from "../sim/rng";

const CANDIDATES = 4;

export type Route = { ok: true; path: Tile[]; target: Address } | { ok: false; reason: PathFailure | "no_place" };

export function routeTo(maze: Maze, from: Tile, address: Address, rng: Rng): Route {
  const levels: Address[] = [address, truncate(address, "arena"), truncate(address, "sector")];
  let failure: PathFailure | "no_place" = "no_place";
  for (const target of levels) {
    const tiles = maze.tilesAt(target);
    if (tiles.length === 0) continue;
    if (tiles.some((t) => t.x === from.x && t.y === from.y)) return { ok: true, path: [], target };
    const result = findPath(maze, from, sample(tiles, rng));
    if (result.ok) return { ok: true, path: result.path, target };
    failure = result.reason;
  }
  return { ok: false, reason: failure };
}

/** Up to CANDIDATES distinct tiles, chosen with the seeded rng. */
function sample(tiles: Tile[], rng: Rng): Tile[] {
  if (tiles.length <= CANDIDATES) return tiles;
  const picked = new Set<number>();
  while (picked.size < CANDIDATES) picked.add(Math.floor(rng() * tiles.length));
  return [...picked].map((i) => tiles[i]);
}

export function facingOf(from: Tile, to: Tile): "up" | "down" | "left" | "right" {
  if (to.x > from.x) return "right";
  if (to.x < from.x) return "left";
  return to.y < from.y ? "up" : "down";
}
