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

/** Saved form: [tile index, events on it]. */
export type TileEventsJson = [number, TileEvent[]][];

export function idleEvent(address: Address): TileEvent {
  const name = address.object ?? address.arena ?? address.sector ?? address.world;
  return { subject: addressKey(address), predicate: "is", object: "idle", description: `${name} is idle` };
}

/** An object at rest; also used on memories, which carry the same triple. */
export function isIdle(e: Pick<TileEvent, "predicate" | "object" | "description">): boolean {
  return (e.predicate === "is" && e.object === "idle") || /\bis idle\.?$/i.test(e.description.trim());
}

export class TileEvents {
  private readonly byTile = new Map<number, Map<string, TileEvent>>();

  constructor(private readonly width: number) {}

  add(tile: Tile, e: TileEvent): void {
    const i = tile.y * this.width + tile.x;
    let m = this.byTile.get(i);
    if (!m) this.byTile.set(i, (m = new Map()));
    m.set(e.subject, e);
  }

  remove(tile: Tile, subject: string): void {
    const i = tile.y * this.width + tile.x;
    const m = this.byTile.get(i);
    if (!m) return;
    m.delete(subject);
    if (m.size === 0) this.byTile.delete(i);
  }

  at(tile: Tile): TileEvent[] {
    const m = this.byTile.get(tile.y * this.width + tile.x);
    return m ? [...m.values()] : [];
  }

  toJSON(): TileEventsJson {
    return [...this.byTile.entries()].map(([i, m]) => [i, [...m.values()].map((e) => ({ ...e }))]);
  }

  /** Replaces every event with the saved ones (insertion order is kept: perception reads it). */
  load(data: TileEventsJson): void {
    this.byTile.clear();
    for (const [i, events] of data) this.byTile.set(i, new Map(events.map((e) => [e.subject, { ...e }])));
  }
}
