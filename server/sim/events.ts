/**
 * Events on tiles: what a passer-by can perceive there. Objects carry an idle event
 * until someone uses them; agents carry their current action.
 */
import { addressKey, type Address, type Tile } from "./address";

/** (subject, predicate, object, description), as in the original. */
export interface TileEvent {
  subject: string;
  predicate: string;
  object: string;
  description: string;
}

export function idleEvent(address: Address): TileEvent {
  const name = address.object ?? address.arena ?? address.sector ?? address.world;
  return { subject: addressKey(address), predicate: "is", object: "idle", description: `${name} is idle` };
}

export function isIdle(e: TileEvent): boolean {
  return e.predicate === "is" && e.object === "idle";
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
}
