/**
 * A Tiled JSON map read and checked (see maps/README.md for the format): size, collision,
 * objects, spawns, and the place address of each walkable tile. Throws MapError naming
 * the layer or object at fault. Pure: it takes parsed JSON, never a file path.
 */
import { addressKey, parseAddress, type Address } from "./address";

export class MapError extends Error {
  override name = "MapError";
}

export interface ObjectRect {
  address: Address;
  kind: string;
  /** In tiles. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Spawn {
  name: string;
  x: number;
  y: number;
  address?: Address;
}

export interface TiledMap {
  width: number;
  height: number;
  tileSize: number;
  world: string;
  /** Per tile, non-zero: blocked. */
  collision: ArrayLike<number>;
  objectRects: ObjectRect[];
  spawns: Spawn[];
  /** Per tile: the deepest place it belongs to (object, arena, sector or world); null when blocked. */
  tileAddresses: (Address | null)[];
}

interface TiledProperty {
  name: string;
  value: unknown;
}
interface TiledObject {
  id?: number;
  name?: string;
  type?: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  point?: boolean;
  properties?: TiledProperty[];
}
interface TiledLayer {
  name: string;
  type: string;
  data?: number[];
  objects?: TiledObject[];
}

type Rect = { x: number; y: number; w: number; h: number };

export function readTiledMap(json: unknown): TiledMap {
  const map = json as { width?: unknown; height?: unknown; tilewidth?: unknown; layers?: unknown; properties?: TiledProperty[] };
  if (!map || typeof map !== "object") throw new MapError("map: not a JSON object");
  const { width, height, tilewidth } = map;
  if (!isPositiveInt(width) || !isPositiveInt(height) || !isPositiveInt(tilewidth)) {
    throw new MapError("map: width, height and tilewidth must be positive integers");
  }
  if (!Array.isArray(map.layers)) throw new MapError("map: missing layers");
  const layers = map.layers as TiledLayer[];
  const world = String(prop(map.properties, "world") ?? "the Ville");
  const size = width * height;

  const collision = tileLayer(layers, "collision", size);
  const sectors = objectLayer(layers, "sectors");
  const arenas = objectLayer(layers, "arenas");
  const objects = objectLayer(layers, "objects");
  const spawnObjs = objectLayer(layers, "spawns");
  const blocked = (i: number) => Boolean(collision[i]);
  const eachTile = (r: Rect, fn: (index: number) => void) => {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) fn(y * width + x);
  };

  const toRect = (o: TiledObject, layer: string): Rect => {
    const x = o.x / tilewidth, y = o.y / tilewidth;
    const w = (o.width ?? 0) / tilewidth, h = (o.height ?? 0) / tilewidth;
    if (![x, y, w, h].every(Number.isInteger) || w <= 0 || h <= 0) {
      throw new MapError(`${layer}: object ${o.id ?? o.name} is not a rectangle aligned to the ${tilewidth} px grid`);
    }
    if (x < 0 || y < 0 || x + w > width || y + h > height) throw new MapError(`${layer}: object ${o.id ?? o.name} lies outside the map`);
    return { x, y, w, h };
  };
  const addressOf = (o: TiledObject, layer: string, parts: number): Address => {
    const raw = prop(o.properties, "address");
    if (typeof raw !== "string") throw new MapError(`${layer}: object ${o.id ?? o.name} has no address property`);
    let a: Address;
    try {
      a = parseAddress(raw);
    } catch (e) {
      throw new MapError(`${layer}: object ${o.id ?? o.name}: ${(e as Error).message}`);
    }
    if (raw.split(":").length !== parts) throw new MapError(`${layer}: address "${raw}" must have ${parts} parts`);
    if (a.world !== world) throw new MapError(`${layer}: address "${raw}" is not in world "${world}"`);
    return a;
  };

  const objectRects: ObjectRect[] = objects.map((o) => ({
    address: addressOf(o, "objects", 4),
    kind: String(prop(o.properties, "kind") ?? addressOf(o, "objects", 4).object),
    ...toRect(o, "objects"),
  }));
  const spawns: Spawn[] = spawnObjs.map((o) => {
    const raw = prop(o.properties, "address");
    return {
      name: o.name ?? "",
      x: Math.floor(o.x / tilewidth),
      y: Math.floor(o.y / tilewidth),
      address: typeof raw === "string" ? parseAddress(raw) : undefined,
    };
  });

  // Sector and arena of each tile: the rectangle containing it.
  const sectorOf = new Array<Address | undefined>(size);
  for (const o of sectors) {
    const a = addressOf(o, "sectors", 2);
    eachTile(toRect(o, "sectors"), (i) => (sectorOf[i] = a));
  }
  const arenaOf = new Array<Address | undefined>(size);
  for (const o of arenas) {
    const a = addressOf(o, "arenas", 3);
    eachTile(toRect(o, "arenas"), (i) => {
      if (sectorOf[i]?.sector !== a.sector) {
        throw new MapError(`arenas: "${addressKey(a)}" covers tile (${i % width},${Math.floor(i / width)}) outside its sector`);
      }
      arenaOf[i] = a;
    });
  }
  // Objects: walkable tiles inside a rectangle first, then solid furniture lends its
  // object to free walkable neighbours in the same arena.
  const objectOf = new Array<Address | undefined>(size);
  for (const r of objectRects) {
    eachTile(r, (i) => {
      if (!blocked(i) && !objectOf[i]) objectOf[i] = r.address;
    });
  }
  for (const r of objectRects) {
    eachTile(r, (i) => {
      if (!blocked(i)) return;
      const x = i % width, y = Math.floor(i / width);
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const j = ny * width + nx;
        if (blocked(j) || objectOf[j]) continue;
        const arena = arenaOf[j];
        if (arena && arena.sector === r.address.sector && arena.arena === r.address.arena) objectOf[j] = r.address;
      }
    });
  }
  const tileAddresses = Array.from({ length: size }, (_, i) => (blocked(i) ? null : (objectOf[i] ?? arenaOf[i] ?? sectorOf[i] ?? { world })));
  return { width, height, tileSize: tilewidth, world, collision, objectRects, spawns, tileAddresses };
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v > 0;
}

function prop(props: TiledProperty[] | undefined, name: string): unknown {
  return props?.find((p) => p.name === name)?.value;
}

function tileLayer(layers: TiledLayer[], name: string, size: number): number[] {
  const l = layers.find((x) => x.name === name);
  if (!l || l.type !== "tilelayer" || !Array.isArray(l.data)) throw new MapError(`layer "${name}": missing tile layer`);
  if (l.data.length !== size) throw new MapError(`layer "${name}": has ${l.data.length} tiles, expected ${size}`);
  return l.data;
}

function objectLayer(layers: TiledLayer[], name: string): TiledObject[] {
  const l = layers.find((x) => x.name === name);
  if (!l || l.type !== "objectgroup" || !Array.isArray(l.objects)) throw new MapError(`layer "${name}": missing object layer`);
  return l.objects;
}
