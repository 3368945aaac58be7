/**
 * The generator's model of the town while it is being built: terrain and walls
 * per cell (turned into autotiles at the end), furniture and foreground tile ids,
 * collision, and the semantic rectangles (sectors, arenas, objects, spawns).
 */
import { Color } from "./canvas";
import { FloorName } from "./palette";
import { Tileset } from "./tileset";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type WallCell =
  | { type: "wall"; cap: Color; facade: string; bx: number; bw: number; awning?: Color }
  /** The lower storey of a south facade, one row outside the footprint. */
  | { type: "facade"; cap: Color; facade: string; bx: number; bw: number; awning?: Color }
  | { type: "fence"; style: "picket" | "rail" | "iron" }
  | { type: "hedge" };

export interface Room {
  sector: string;
  arena: string;
  /** Furnishing recipe name, e.g. "bedroom", "kitchen", "cafe". */
  kind: string;
  rect: Rect;
  floor: FloorName;
  wallpaper: string;
  /** Residents for spawn names and bed counts. */
  residents: string[];
}

export interface PlacedObject {
  sector: string;
  arena: string;
  name: string;
  kind: string;
  rect: Rect;
}

export interface Spawn {
  name: string;
  x: number;
  y: number;
  address?: string;
}

export class World {
  readonly terrain: string[];
  readonly walls: (WallCell | null)[];
  readonly wallpaper: (string | null)[];
  readonly furniture: Int32Array;
  readonly foreground: Int32Array;
  readonly blocked: Uint8Array;
  /** Index into rooms for floor cells, -1 elsewhere. */
  readonly roomAt: Int32Array;
  /** Cells that furniture and decoration must leave free (doorways, paths). */
  readonly keepClear: Uint8Array;
  /** Cells inside a building (floors, doorways, corridors). */
  readonly indoor: Uint8Array;
  readonly sectors: { name: string; rect: Rect }[] = [];
  readonly rooms: Room[] = [];
  readonly objects: PlacedObject[] = [];
  readonly spawns: Spawn[] = [];

  constructor(readonly width: number, readonly height: number, readonly tiles: Tileset, readonly worldName: string) {
    const n = width * height;
    this.terrain = new Array<string>(n).fill("grass");
    this.walls = new Array<WallCell | null>(n).fill(null);
    this.wallpaper = new Array<string | null>(n).fill(null);
    this.furniture = new Int32Array(n).fill(-1);
    this.foreground = new Int32Array(n).fill(-1);
    this.blocked = new Uint8Array(n);
    this.roomAt = new Int32Array(n).fill(-1);
    this.keepClear = new Uint8Array(n);
    this.indoor = new Uint8Array(n);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  idx(x: number, y: number): number {
    return y * this.width + x;
  }

  ter(x: number, y: number): string {
    return this.inside(x, y) ? this.terrain[this.idx(x, y)] : "edge";
  }

  setTer(x: number, y: number, t: string): void {
    if (this.inside(x, y)) this.terrain[this.idx(x, y)] = t;
  }

  fillTer(r: Rect, t: string): void {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) this.setTer(x, y, t);
  }

  wallAt(x: number, y: number): WallCell | null {
    return this.inside(x, y) ? this.walls[this.idx(x, y)] : null;
  }

  setWall(x: number, y: number, w: WallCell | null): void {
    if (!this.inside(x, y)) return;
    const i = this.idx(x, y);
    this.walls[i] = w;
    this.blocked[i] = w ? 1 : 0;
  }

  /** Walkable: inside the map, no wall, no solid furniture. */
  walkable(x: number, y: number): boolean {
    return this.inside(x, y) && !this.blocked[this.idx(x, y)];
  }

  /** Free for new solid things: walkable, not reserved, no furniture drawn yet. */
  free(x: number, y: number): boolean {
    if (!this.walkable(x, y)) return false;
    const i = this.idx(x, y);
    return !this.keepClear[i] && this.furniture[i] < 0;
  }

  rectFree(r: Rect, test: (x: number, y: number) => boolean = (x, y) => this.free(x, y)): boolean {
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) if (!test(x, y)) return false;
    return true;
  }
}

export function rectContains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
