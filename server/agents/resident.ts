/**
 * A resident: persona, where it stands, what it knows of the town, its plan for the day
 * and its current action. Behaviour lives in the cognition modules (plan.ts, execute.ts);
 * this is the state they share.
 */
import type { Facing } from "../../shared/constants";
import type { Address, Tile } from "../sim/address";
import type { Persona } from "../sim/scenario";
import type { KnownPlaces, PlanBlock } from "../mind/mind";
import { SpatialMemory } from "./memory/spatial-memory";

export interface Action {
  description: string;
  emoji: string;
  address: Address;
  /** Schedule block this action belongs to. */
  blockTask: string;
  startMs: number;
  endMs: number;
  event: [string, string, string];
  objectState: string;
}

export interface DayPlan {
  /** Game ms at midnight. */
  dayStartMs: number;
  dayIndex: number;
  wakeMinute: number;
  dailyPlan: string[];
  /** Hour-by-hour schedule from midnight (minutes sum to 1440). */
  schedule: PlanBlock[];
  /** Decompositions of schedule blocks, by block index. */
  decomposed: Map<number, PlanBlock[]>;
}

export class Resident {
  tile: Tile;
  facing: Facing = "down";
  path: Tile[] = [];
  day: DayPlan | null = null;
  action: Action | null = null;
  /** Token of the decision being made; answers with another token are stale. */
  pendingToken = 0;
  thinking = false;
  /** Game ms before which a failed decision is not retried. */
  retryAtMs = 0;
  readonly spatial = new SpatialMemory();

  constructor(
    readonly id: string,
    readonly persona: Persona,
    start: Tile,
  ) {
    this.tile = { ...start };
  }

  get name(): string {
    return this.persona.name;
  }

  knownPlaces(world: string): KnownPlaces {
    const out = new Map<string, Map<string, string[]>>();
    for (const sector of this.spatial.knownSectors(world)) {
      const arenas = new Map<string, string[]>();
      for (const arena of this.spatial.knownArenas(sector, world)) arenas.set(arena, this.spatial.knownObjects(sector, arena, world));
      out.set(sector, arenas);
    }
    return out;
  }
}
