/**
 * Events on tiles: what a passer-by can perceive there. Objects carry an idle event
 * until someone uses them; people carry their current action. An event's subject is a
 * person's id or an object's address key, never a display name.
 */
import { addressKey, type Address, type Tile } from "./address";

/** (subject, predicate, object, description), as in the original. */
export interface TileEvent {
  subject: string;
  predicate: string;
  object: string;
  description: string;
}

/**
 * A tile's events in the order `at` gives them, with each one's subject, triple key and
 * idleness in plain arrays, index for index: perception reads them for every resident at
 * every step, and arrays made once beat a map iterator, a key built per look and
 * property loads on events of many shapes.
 */
export interface TileView {
  readonly events: readonly TileEvent[];
  readonly subjects: readonly string[];
  readonly keys: readonly string[];
  readonly idle: readonly boolean[];
}

/** Saved form: [tile index, events on it]. */
export type TileEventsJson = [number, TileEvent[]][];

export function idleEvent(address: Address): TileEvent {
  const name = address.object ?? address.arena ?? address.sector ?? address.world;
  return { subject: addressKey(address), predicate: "is", object: "idle", description: `${name} is idle` };
}

/** A (subject, predicate, object) as one string: memories and events with the same triple are the same news. */
export function tripleKey(t: Pick<TileEvent, "subject" | "predicate" | "object">): string {
  return `${t.subject}\u0000${t.predicate}\u0000${t.object}`;
}

/** An object at rest; also used on memories, which carry the same triple. */
export function isIdle(e: Pick<TileEvent, "predicate" | "object" | "description">): boolean {
  return (e.predicate === "is" && e.object === "idle") || /\bis idle\.?$/i.test(e.description.trim());
}

/** The arena number of a walkable tile outside every arena (blocked tiles are -2: never seen). */
const OUTDOORS = -1;

/** Side of the square chunks that index the tiles holding events (perception's box is 2r+1). */
const CHUNK = 8;

export class TileEvents {
  private readonly byTile = new Map<number, Map<string, TileEvent>>();
  /** Per tile index, what perception reads of it (made again when its events change). */
  private readonly views: (TileView | undefined)[] = [];
  /**
   * Chunk -> outdoor tiles in it that hold events: perception outdoors visits only these,
   * not every tile in view (indoors it uses `byArena`).
   */
  private readonly byChunk: (Set<number> | undefined)[];
  /** Per chunk, how often its outdoor events changed: a sum over chunks tells whether anything outdoors in a box did. */
  private readonly chunkVersion: Float64Array;
  private readonly chunksWide: number;
  /** Per arena number (see `arenas`), how often events inside it changed. */
  private readonly arenaVersions: Float64Array;
  /** Arena number -> its tiles that hold events: indoors, perception visits only these. */
  private readonly byArena: (Set<number> | undefined)[];

  /**
   * `arenas`: each tile's arena number, negative outside any arena (the maze's
   * `perceptionArenas`); without it every tile counts as outside.
   */
  constructor(
    private readonly width: number,
    height: number,
    private readonly arenas: Int32Array = new Int32Array(width * height).fill(-1),
  ) {
    this.chunksWide = Math.ceil(width / CHUNK);
    const chunks = this.chunksWide * Math.ceil(height / CHUNK);
    this.byChunk = new Array(chunks);
    this.chunkVersion = new Float64Array(chunks);
    let most = -1;
    for (const a of arenas) if (a > most) most = a;
    this.arenaVersions = new Float64Array(most + 1);
    this.byArena = new Array(most + 1);
  }

  add(tile: Tile, e: TileEvent): void {
    const i = tile.y * this.width + tile.x;
    let m = this.byTile.get(i);
    if (!m) {
      this.byTile.set(i, (m = new Map()));
      this.indexTile(i);
    }
    const old = m.get(e.subject);
    // The same event again (a resident re-announcing its action) changes nothing.
    if (old && old.predicate === e.predicate && old.object === e.object && old.description === e.description) return;
    m.set(e.subject, e);
    this.changed(i, m);
  }

  remove(tile: Tile, subject: string): void {
    const i = tile.y * this.width + tile.x;
    const m = this.byTile.get(i);
    if (!m || !m.delete(subject)) return;
    this.changed(i, m);
    if (m.size === 0) {
      this.byTile.delete(i);
      this.views[i] = undefined;
      const a = this.arenas[i];
      if (a === OUTDOORS) this.byChunk[this.chunkOf(i)]?.delete(i);
      else if (a >= 0) this.byArena[a]?.delete(i);
    }
  }

  at(tile: Tile): TileEvent[] {
    const m = this.byTile.get(tile.y * this.width + tile.x);
    return m ? [...m.values()] : [];
  }

  /** The events on the tile of that index (y * width + x) as perception reads them, if any. */
  viewAt(i: number): TileView | undefined {
    return this.views[i];
  }

  /**
   * Writes into `out` from its start the index of every outdoor tile (outside any arena,
   * not blocked) holding events inside the box [x0, x1] x [y0, y1], in no particular
   * order; returns how many (`out` is a buffer the caller reuses: what lies past is stale).
   */
  tilesIn(x0: number, y0: number, x1: number, y1: number, out: number[]): number {
    const w = this.width;
    let n = 0;
    for (let cy = Math.floor(y0 / CHUNK); cy <= Math.floor(y1 / CHUNK); cy++) {
      for (let cx = Math.floor(x0 / CHUNK); cx <= Math.floor(x1 / CHUNK); cx++) {
        const tiles = this.byChunk[cy * this.chunksWide + cx];
        if (!tiles) continue;
        for (const i of tiles) {
          const x = i % w, y = (i - x) / w;
          if (x >= x0 && x <= x1 && y >= y0 && y <= y1) out[n++] = i;
        }
      }
    }
    return n;
  }

  /**
   * Like `tilesIn`, only tiles of arena `arena` (>= 0, a number of the constructor's
   * `arenas`): a room's few tiles instead of every chunk of the box, walls and neighbours included.
   */
  tilesInArena(arena: number, x0: number, y0: number, x1: number, y1: number, out: number[]): number {
    const tiles = this.byArena[arena];
    if (!tiles) return 0;
    const w = this.width;
    let n = 0;
    for (const i of tiles) {
      const x = i % w, y = (i - x) / w;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) out[n++] = i;
    }
    return n;
  }

  /**
   * A number that grows whenever an outdoor event inside the box changes (it sums the
   * versions of the chunks the box touches, which only ever grow). Compare it for the same box.
   */
  versionIn(x0: number, y0: number, x1: number, y1: number): number {
    let v = 0;
    for (let cy = Math.floor(y0 / CHUNK); cy <= Math.floor(y1 / CHUNK); cy++) {
      for (let cx = Math.floor(x0 / CHUNK); cx <= Math.floor(x1 / CHUNK); cx++) v += this.chunkVersion[cy * this.chunksWide + cx];
    }
    return v;
  }

  /** A number that grows whenever an event on a tile of arena `arena` (>= 0) changes. */
  arenaVersion(arena: number): number {
    return this.arenaVersions[arena];
  }

  toJSON(): TileEventsJson {
    return [...this.byTile.entries()].map(([i, m]) => [i, [...m.values()].map((e) => ({ ...e }))]);
  }

  /** Replaces every event with the saved ones (insertion order is kept: perception reads it). */
  load(data: TileEventsJson): void {
    this.byTile.clear();
    this.views.length = 0;
    this.byChunk.fill(undefined);
    this.byArena.fill(undefined);
    for (const [i, events] of data) {
      const m = new Map(events.map((e) => [e.subject, { ...e }]));
      this.byTile.set(i, m);
      this.indexTile(i);
      this.changed(i, m);
    }
  }

  private changed(i: number, m: ReadonlyMap<string, TileEvent>): void {
    const events = [...m.values()];
    this.views[i] = { events, subjects: events.map((e) => e.subject), keys: events.map(tripleKey), idle: events.map(isIdle) };
    const a = this.arenas[i];
    if (a === OUTDOORS) this.chunkVersion[this.chunkOf(i)]++;
    else if (a >= 0) this.arenaVersions[a]++;
  }

  private chunkOf(i: number): number {
    const x = i % this.width;
    return Math.floor((i - x) / this.width / CHUNK) * this.chunksWide + Math.floor(x / CHUNK);
  }

  private indexTile(i: number): void {
    const a = this.arenas[i];
    if (a === OUTDOORS) (this.byChunk[this.chunkOf(i)] ??= new Set()).add(i);
    else if (a >= 0) (this.byArena[a] ??= new Set()).add(i);
  }
}
