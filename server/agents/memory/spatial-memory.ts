/**
 * Spatial memory: the places an agent has seen, as a tree world -> sector -> arena -> objects.
 * An agent only plans to go where it knows. Lists are in discovery order.
 */
import { z } from "zod";
import type { Address } from "../../sim/address";

type ArenaMap = Map<string, Set<string>>;
type SectorMap = Map<string, ArenaMap>;

/** `{ world: { sector: { arena: [objects] } } }`, the same shape as the original's saved tree. */
export const spatialMemoryJsonSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.array(z.string()))));
export type SpatialMemoryJson = z.infer<typeof spatialMemoryJsonSchema>;

export class SpatialMemory {
  private readonly worlds = new Map<string, SectorMap>();
  /** Grows whenever a place is learned: views made from the tree can be kept until it changes. */
  version = 0;

  /** Lists (the maze's per-tile views) already learned in full: learning them again changes nothing. */
  private readonly learnedLists = new WeakSet<readonly Address[]>();
  private readonly learnedAddresses = new WeakSet<Address>();

  /** Records a place and every level above it. Levels below a missing one are ignored. */
  learn(a: Address): void {
    // Plain lookups, no closures: walkers learn what they see at every step.
    let sectors = this.worlds.get(a.world);
    if (!sectors) {
      this.worlds.set(a.world, (sectors = new Map()));
      this.version++;
    }
    if (a.sector === undefined) return;
    let arenas = sectors.get(a.sector);
    if (!arenas) {
      sectors.set(a.sector, (arenas = new Map()));
      this.version++;
    }
    if (a.arena === undefined) return;
    let objects = arenas.get(a.arena);
    if (!objects) {
      arenas.set(a.arena, (objects = new Set()));
      this.version++;
    }
    if (a.object !== undefined && !objects.has(a.object)) {
      objects.add(a.object);
      this.version++;
    }
  }

  /**
   * Learns every address of a list that is never changed once made (the maze's view from a
   * tile). A walker passes the same tiles all day: a list learned once is skipped after.
   */
  learnAll(list: readonly Address[]): void {
    if (this.learnedLists.has(list)) return;
    // Neighbouring tiles see mostly the same (shared, never changed) addresses.
    for (const a of list) {
      if (this.learnedAddresses.has(a)) continue;
      this.learn(a);
      this.learnedAddresses.add(a);
    }
    this.learnedLists.add(list);
  }

  /** True if every level the address names is known. */
  has(a: Address): boolean {
    const sectors = this.worlds.get(a.world);
    if (!sectors) return false;
    if (a.sector === undefined) return true;
    const arenas = sectors.get(a.sector);
    if (!arenas) return false;
    if (a.arena === undefined) return true;
    const objects = arenas.get(a.arena);
    if (!objects) return false;
    return a.object === undefined || objects.has(a.object);
  }

  knownWorlds(): string[] {
    return [...this.worlds.keys()];
  }

  /** Sectors of `world`, or of every world when omitted (a town has one). */
  knownSectors(world?: string): string[] {
    return unique(this.sectorMaps(world).flatMap((s) => [...s.keys()]));
  }

  knownArenas(sector: string, world?: string): string[] {
    return unique(this.sectorMaps(world).flatMap((s) => [...(s.get(sector)?.keys() ?? [])]));
  }

  knownObjects(sector: string, arena: string, world?: string): string[] {
    return unique(this.sectorMaps(world).flatMap((s) => [...(s.get(sector)?.get(arena) ?? [])]));
  }

  toJSON(): SpatialMemoryJson {
    const out: SpatialMemoryJson = {};
    for (const [world, sectors] of this.worlds) {
      out[world] = {};
      for (const [sector, arenas] of sectors) {
        out[world][sector] = {};
        for (const [arena, objects] of arenas) out[world][sector][arena] = [...objects];
      }
    }
    return out;
  }

  static fromJSON(data: unknown): SpatialMemory {
    const tree = spatialMemoryJsonSchema.parse(data);
    const memory = new SpatialMemory();
    for (const [world, sectors] of Object.entries(tree)) {
      memory.learn({ world });
      for (const [sector, arenas] of Object.entries(sectors)) {
        memory.learn({ world, sector });
        for (const [arena, objects] of Object.entries(arenas)) {
          memory.learn({ world, sector, arena });
          for (const object of objects) memory.learn({ world, sector, arena, object });
        }
      }
    }
    return memory;
  }

  private sectorMaps(world?: string): SectorMap[] {
    if (world !== undefined) return this.worlds.has(world) ? [this.worlds.get(world)!] : [];
    return [...this.worlds.values()];
  }
}


function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
