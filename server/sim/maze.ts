/**
 * The maze: a Tiled map (read by tiled-map.ts) as a grid of walkable tiles with a place
 * address each, and the questions the town asks of it. Pure: parsed JSON, never a file.
 */
import { addressKey, type Address, type Tile } from "./address";
import { readTiledMap, type ObjectRect, type Spawn } from "./tiled-map";

export { MapError, type ObjectRect, type Spawn } from "./tiled-map";

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

  /** Reads a Tiled JSON map (tiled-map.ts); throws MapError naming the layer or object at fault. */
  static fromTiled(json: unknown): Maze {
    const m = readTiledMap(json);
    const maze = new Maze(m.width, m.height, m.tileSize, m.world, m.collision, m.objectRects, m.spawns);
    m.tileAddresses.forEach((a, i) => {
      if (a) maze.tileAddress[i] = maze.intern(a);
    });
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
}
