/**
 * Places are structured values: world > sector > arena > object. The `:`-joined key is
 * only for indexes, logs and display; code never splits it to reason about a place.
 */
export interface Address {
  world: string;
  sector?: string;
  arena?: string;
  object?: string;
}

export interface Tile {
  x: number;
  y: number;
}

export type AddressLevel = "world" | "sector" | "arena" | "object";

/** `world:sector:arena:object`, cut at the deepest level present. */
export function addressKey(a: Address): string {
  const parts = [a.world];
  if (a.sector !== undefined) parts.push(a.sector);
  if (a.sector !== undefined && a.arena !== undefined) parts.push(a.arena);
  if (a.sector !== undefined && a.arena !== undefined && a.object !== undefined) parts.push(a.object);
  return parts.join(":");
}

/** Parses a key written by a person (scenario files, map properties). */
export function parseAddress(key: string): Address {
  const parts = key.split(":").map((p) => p.trim());
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => p.length === 0)) {
    throw new Error(`bad address "${key}": expected world:sector[:arena[:object]]`);
  }
  const [world, sector, arena, object] = parts;
  return { world, sector, arena, object };
}

/** The address cut to a level (e.g. the arena of an object address). */
export function truncate(a: Address, level: AddressLevel): Address {
  switch (level) {
    case "world":
      return { world: a.world };
    case "sector":
      return { world: a.world, sector: a.sector };
    case "arena":
      return { world: a.world, sector: a.sector, arena: a.arena };
    case "object":
      return { ...a };
  }
}

export function levelOf(a: Address): AddressLevel {
  if (a.object !== undefined) return "object";
  if (a.arena !== undefined) return "arena";
  if (a.sector !== undefined) return "sector";
  return "world";
}

/** "Hobbs Cafe: cafe" style text for people. */
export function placeLabel(a: Address | null): string {
  if (!a || a.sector === undefined) return "outdoors";
  return a.arena ? `${a.sector}: ${a.arena}` : a.sector;
}

export function sameTile(a: Tile, b: Tile): boolean {
  return a.x === b.x && a.y === b.y;
}

export function manhattan(a: Tile, b: Tile): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}
