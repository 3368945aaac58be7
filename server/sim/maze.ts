/**
 * The maze: a Tiled map read into a grid of walkable tiles with a place address each
 * (see maps/README.md for the format). Pure: it takes parsed JSON, never a file path.
 */
import { addressKey, parseAddress, type Address, type Tile } from "./address";

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

const NONE = -1;

export class Maze {
  /** Deepest address index per tile into `legend`; -1 when blocked. */
  private readonly tileAddress: Int32Array;
  private readonly blocked: Uint8Array;
  private readonly legend: Address[] = [];
  private readonly legendIndex = new Map<string, number>();
  private readonly tilesByKey = new Map<string, Tile[]>();
  /** Arena of each walkable tile as a small integer (-1: none), for fast "same room" tests. */
  private arenaIds: Int32Array | null = null;
  /** Distinct addresses seen from a tile, per vision radius (filled lazily). */
  private readonly seenCache = new Map<number, (readonly Address[])[]>();

  private constructor(
    readonly width: number,
    readonly height: number,
    readonly tileSize: number,
    readonly world: string,
    collision: ArrayLike<number>,
    readonly objectRects: ObjectRect[],
    readonly spawns: Spawn[],
  ) {
    this.blocked = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++) this.blocked[i] = collision[i] ? 1 : 0;
    this.tileAddress = new Int32Array(width * height).fill(NONE);
  }

  /** Reads a Tiled JSON map; throws MapError naming the layer or object at fault. */
  static fromTiled(json: unknown): Maze {
    const map = json as { width?: unknown; height?: unknown; tilewidth?: unknown; layers?: unknown; properties?: TiledProperty[] };
    if (!map || typeof map !== "object") throw new MapError("map: not a JSON object");
    const { width, height, tilewidth } = map;
    if (!isPositiveInt(width) || !isPositiveInt(height) || !isPositiveInt(tilewidth)) {
      throw new MapError("map: width, height and tilewidth must be positive integers");
    }
    if (!Array.isArray(map.layers)) throw new MapError("map: missing layers");
    const layers = map.layers as TiledLayer[];
    const world = String(prop(map.properties, "world") ?? "the Ville");

    const collision = tileLayer(layers, "collision", width * height);
    const sectors = objectLayer(layers, "sectors");
    const arenas = objectLayer(layers, "arenas");
    const objects = objectLayer(layers, "objects");
    const spawnObjs = objectLayer(layers, "spawns");

    const toRect = (o: TiledObject, layer: string) => {
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
    const maze = new Maze(width, height, tilewidth, world, collision, objectRects, spawns);

    // Sector and arena of each tile: the rectangle containing it.
    const sectorOf = new Array<Address | undefined>(width * height);
    for (const o of sectors) {
      const a = addressOf(o, "sectors", 2);
      maze.eachTile(toRect(o, "sectors"), (i) => (sectorOf[i] = a));
    }
    const arenaOf = new Array<Address | undefined>(width * height);
    for (const o of arenas) {
      const a = addressOf(o, "arenas", 3);
      maze.eachTile(toRect(o, "arenas"), (i) => {
        if (sectorOf[i]?.sector !== a.sector) {
          throw new MapError(`arenas: "${addressKey(a)}" covers tile (${i % width},${Math.floor(i / width)}) outside its sector`);
        }
        arenaOf[i] = a;
      });
    }
    // Objects: walkable tiles inside a rectangle first, then solid furniture lends its
    // object to free walkable neighbours in the same arena.
    const objectOf = new Array<Address | undefined>(width * height);
    for (const r of objectRects) {
      maze.eachTile(r, (i) => {
        if (!maze.blocked[i] && !objectOf[i]) objectOf[i] = r.address;
      });
    }
    for (const r of objectRects) {
      maze.eachTile(r, (i) => {
        if (!maze.blocked[i]) return;
        const x = i % width, y = Math.floor(i / width);
        for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]]) {
          if (!maze.inBounds(nx, ny)) continue;
          const j = ny * width + nx;
          if (maze.blocked[j] || objectOf[j]) continue;
          const arena = arenaOf[j];
          if (arena && arena.sector === r.address.sector && arena.arena === r.address.arena) objectOf[j] = r.address;
        }
      });
    }
    for (let i = 0; i < width * height; i++) {
      if (maze.blocked[i]) continue;
      const a = objectOf[i] ?? arenaOf[i] ?? sectorOf[i] ?? { world };
      maze.tileAddress[i] = maze.intern(a);
    }
    maze.indexTiles();
    return maze;
  }

  inBounds(x: number, y: number): boolean {
    return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  isWalkable(x: number, y: number): boolean {
    return this.inBounds(x, y) && this.blocked[y * this.width + x] === 0;
  }

  /** The deepest address of a walkable tile; null when blocked or off the map. */
  addressAt(x: number, y: number): Address | null {
    if (!this.isWalkable(x, y)) return null;
    return this.legend[this.tileAddress[y * this.width + x]];
  }

  /** Walkable tiles at an address of any level (sector, arena or object). */
  tilesAt(address: Address | string): Tile[] {
    const key = typeof address === "string" ? address : addressKey(address);
    return this.tilesByKey.get(key) ?? [];
  }

  hasPlace(address: Address | string): boolean {
    return this.tilesAt(address).length > 0;
  }

  /** Every address key with walkable tiles, at sector, arena and object level. */
  places(): string[] {
    return [...this.tilesByKey.keys()];
  }

  sectors(): string[] {
    return this.childNames([this.world]);
  }

  arenas(sector: string): string[] {
    return this.childNames([this.world, sector]);
  }

  objects(sector: string, arena: string): string[] {
    return this.childNames([this.world, sector, arena]);
  }

  /** Every place as a tree: sector -> arena -> object names. */
  placeTree(): Map<string, Map<string, string[]>> {
    return new Map(this.sectors().map((s) => [s, new Map(this.arenas(s).map((a) => [a, this.objects(s, a)]))]));
  }

  /** Tiles in the square of side 2r+1 around (x, y), inside the map. */
  nearbyTiles(x: number, y: number, radius: number): Tile[] {
    const out: Tile[] = [];
    for (let ty = Math.max(0, y - radius); ty <= Math.min(this.height - 1, y + radius); ty++) {
      for (let tx = Math.max(0, x - radius); tx <= Math.min(this.width - 1, x + radius); tx++) out.push({ x: tx, y: ty });
    }
    return out;
  }

  /** Same number for two tiles in the same arena; -1 for blocked tiles and tiles outside any arena. */
  arenaIdAt(x: number, y: number): number {
    return this.inBounds(x, y) ? this.arenaIdsByTile()[y * this.width + x] : NONE;
  }

  /**
   * Per tile index (y * width + x): its arena number as `arenaIdAt` gives it, or -2 when
   * the tile is blocked. For loops over many tiles (perception), without bounds checks.
   */
  perceptionArenas(): Int32Array {
    if (!this.perceptionIds) {
      const ids = this.arenaIdsByTile();
      this.perceptionIds = ids.map((id, i) => (this.blocked[i] ? -2 : id));
    }
    return this.perceptionIds;
  }

  private perceptionIds: Int32Array | null = null;

  private arenaIdsByTile(): Int32Array {
    if (!this.arenaIds) {
      const ids = new Map<string, number>();
      this.arenaIds = new Int32Array(this.width * this.height).fill(NONE);
      for (let i = 0; i < this.tileAddress.length; i++) {
        const a = this.tileAddress[i] === NONE ? null : this.legend[this.tileAddress[i]];
        if (!a || a.arena === undefined) continue;
        const key = `${a.sector}\u0000${a.arena}`;
        if (!ids.has(key)) ids.set(key, ids.size);
        this.arenaIds[i] = ids.get(key)!;
      }
    }
    return this.arenaIds;
  }

  /**
   * The distinct addresses of the walkable tiles within `radius` (square) of a tile:
   * what an agent standing there can see. Cached, since agents look on every move.
   */
  addressesNear(x: number, y: number, radius: number): readonly Address[] {
    let byTile = this.seenCache.get(radius);
    if (!byTile) this.seenCache.set(radius, (byTile = new Array(this.width * this.height)));
    const i = y * this.width + x;
    let seen = byTile[i];
    if (!seen) {
      const idx = new Set<number>();
      for (let ty = Math.max(0, y - radius); ty <= Math.min(this.height - 1, y + radius); ty++) {
        for (let tx = Math.max(0, x - radius); tx <= Math.min(this.width - 1, x + radius); tx++) {
          const a = this.tileAddress[ty * this.width + tx];
          if (a !== NONE) idx.add(a);
        }
      }
      seen = byTile[i] = [...idx].map((a) => this.legend[a]);
    }
    return seen;
  }

  private childNames(prefix: string[]): string[] {
    const depth = prefix.length;
    const names = new Set<string>();
    for (const a of this.legend) {
      const parts = [a.world, a.sector, a.arena, a.object];
      if (parts.slice(0, depth).every((p, i) => p === prefix[i]) && parts[depth] !== undefined) names.add(parts[depth]!);
    }
    return [...names].sort();
  }

  private intern(a: Address): number {
    const key = addressKey(a);
    let i = this.legendIndex.get(key);
    if (i === undefined) {
      i = this.legend.length;
      this.legend.push(a);
      this.legendIndex.set(key, i);
    }
    return i;
  }

  private indexTiles(): void {
    for (let i = 0; i < this.tileAddress.length; i++) {
      const idx = this.tileAddress[i];
      if (idx === NONE) continue;
      const a = this.legend[idx];
      const tile = { x: i % this.width, y: Math.floor(i / this.width) };
      const levels: Address[] = [];
      if (a.sector !== undefined) levels.push({ world: a.world, sector: a.sector });
      if (a.arena !== undefined) levels.push({ world: a.world, sector: a.sector, arena: a.arena });
      if (a.object !== undefined) levels.push(a);
      for (const l of levels) {
        const key = addressKey(l);
        let list = this.tilesByKey.get(key);
        if (!list) this.tilesByKey.set(key, (list = []));
        list.push(tile);
      }
    }
  }

  private eachTile(r: { x: number; y: number; w: number; h: number }, fn: (index: number) => void): void {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) fn(y * this.width + x);
  }
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
