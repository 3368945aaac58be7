/**
 * Where residents start and what they know of the town on their first morning: their
 * home, the public places, and any place their persona names.
 */
import { addressKey, type Address, type Tile } from "../sim/address";
import type { Maze } from "../sim/maze";
import { homeOf } from "../sim/places";
import { intBetween, rngFor } from "../sim/rng";
import type { Resident } from "../agents/resident";

/** Sectors everybody in town knows from the start: the public places. */
const PUBLIC_SECTOR = /cafe|pub|park|college$|market|supply/i;

export function seedSpatialMemory(maze: Maze, r: Resident): void {
  const home = homeOf(r.persona).sector;
  const text = `${r.persona.learned} ${r.persona.currently} ${r.persona.dailyPlanRequirement}`.toLowerCase();
  const { places, sectors } = placesOf(maze);
  const known = sectors.map((s) => s.name === home || s.isPublic || text.includes(s.lower));
  for (const p of places) if (known[p.sector]) r.spatial.learn(p.address);
  r.spatial.learnAll(maze.addressesNear(r.tile.x, r.tile.y, r.persona.vision));
}

interface SeedPlaces {
  /** In `maze.places()` order (learning order is discovery order): each place's address, by sector number. */
  places: { address: Address; sector: number }[];
  sectors: { name: string; lower: string; isPublic: boolean }[];
}

/** A city has 12,000 places and 1,000 residents: what a place is, is worked out once per map. */
const seedPlaces = new WeakMap<Maze, SeedPlaces>();

function placesOf(maze: Maze): SeedPlaces {
  let seed = seedPlaces.get(maze);
  if (seed) return seed;
  seed = { places: [], sectors: [] };
  const sectorIndex = new Map<string, number>();
  for (const key of maze.places()) {
    const t = maze.tilesAt(key)[0];
    const address = maze.addressAt(t.x, t.y);
    if (!address?.sector) continue;
    let sector = sectorIndex.get(address.sector);
    if (sector === undefined) {
      sectorIndex.set(address.sector, (sector = seed.sectors.length));
      seed.sectors.push({ name: address.sector, lower: address.sector.toLowerCase(), isPublic: PUBLIC_SECTOR.test(address.sector) });
    }
    seed.places.push({ address, sector });
  }
  seedPlaces.set(maze, seed);
  return seed;
}

/** A spawn point at the start place, else a tile of it chosen with the town's seed. */
export function startTile(maze: Maze, seed: number, start: string, name: string): Tile {
  const tiles = maze.tilesAt(start);
  if (tiles.length === 0) throw new Error(`${name}: start place "${start}" is not on the map`);
  const spawn = maze.spawns.find((s) => s.address && addressKey(s.address) === start && maze.isWalkable(s.x, s.y));
  return spawn ? { x: spawn.x, y: spawn.y } : tiles[intBetween(rngFor(seed, "town", "start", name), 0, tiles.length - 1)];
}
