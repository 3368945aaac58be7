/**
 * Where residents start and what they know of the town on their first morning: their
 * home, the public places, and any place their persona names.
 */
import { addressKey, type Tile } from "../sim/address";
import type { Maze } from "../sim/maze";
import { homeOf } from "../sim/places";
import { intBetween, rngFor } from "../sim/rng";
import type { Resident } from "../agents/resident";

/** Sectors everybody in town knows from the start: the public places. */
const PUBLIC_SECTOR = /cafe|pub|park|college$|market|supply/i;

export function seedSpatialMemory(maze: Maze, r: Resident): void {
  const home = homeOf(r.persona).sector;
  const text = `${r.persona.learned} ${r.persona.currently} ${r.persona.dailyPlanRequirement}`.toLowerCase();
  for (const key of maze.places()) {
    const t = maze.tilesAt(key)[0];
    const a = maze.addressAt(t.x, t.y);
    if (!a?.sector) continue;
    const known = a.sector === home || PUBLIC_SECTOR.test(a.sector) || text.includes(a.sector.toLowerCase());
    if (known) r.spatial.learn(a);
  }
  for (const a of maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision)) r.spatial.learn(a);
}

/** A spawn point at the start place, else a tile of it chosen with the town's seed. */
export function startTile(maze: Maze, seed: number, start: string, name: string): Tile {
  const tiles = maze.tilesAt(start);
  if (tiles.length === 0) throw new Error(`${name}: start place "${start}" is not on the map`);
  const spawn = maze.spawns.find((s) => s.address && addressKey(s.address) === start && maze.isWalkable(s.x, s.y));
  return spawn ? { x: spawn.x, y: spawn.y } : tiles[intBetween(rngFor(seed, "town", "start", name), 0, tiles.length - 1)];
}
