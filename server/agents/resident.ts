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
import { MemoryStream, type MemoryNode, type NewMemory } from "./memory/memory-stream";
import { newScratch, type Scratch } from "./memory/scratch";
import { notePoignancy } from "./memory/reflection-trigger";
import { parseAddress } from "../sim/address";

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
  /** Game ms before which a failed decision is not retried. */
  retryAtMs = 0;
  readonly spatial = new SpatialMemory();
  readonly memory = new MemoryStream();
  readonly scratch: Scratch;
  /** The resident's own copy of its persona: "currently" is revised each new day. */
  readonly persona: Persona;
  /** Planted facts this resident knows: fact id -> who told it ("" for the holder) and when. */
  readonly knownFacts = new Map<string, { from: string; atMs: number }>();
  /** Conversation in progress, if any. */
  conversationId = "";
  /** Game ms when its last conversation ended (-Infinity: never talked). */
  lastChatEndMs = -Infinity;
  /** What the resident was doing when a conversation interrupted it. */
  interrupted: Action | null = null;
  /** Every action taken, for reports. */
  readonly actionLog: { startMs: number; description: string; place: string }[] = [];
  reflections = 0;
  /** Every day plan made, for reports. */
  readonly dayLog: DayPlan[] = [];

  constructor(
    readonly id: string,
    persona: Persona,
    start: Tile,
  ) {
    this.persona = { ...persona };
    this.tile = { ...start };
    this.scratch = newScratch({ ...persona, livingArea: parseAddress(persona.livingArea) }, {
      perception: { visionRadiusTiles: persona.vision, attentionBandwidth: persona.attention, retention: persona.retention },
    });
  }

  /**
   * Appends a memory; its importance counts toward reflection (unless it is itself an
   * insight: reflection must not feed on its own output) and its provenance is kept.
   */
  remember(m: NewMemory): MemoryNode {
    const node = this.memory.add(m);
    if (node.evidence.length === 0) notePoignancy(this.scratch, node.poignancy);
    const fact = node.source?.factId;
    if (fact && !this.knownFacts.has(fact)) this.knownFacts.set(fact, { from: node.source?.toldBy ?? "", atMs: node.createdMs });
    return node;
  }

  get isAsleep(): boolean {
    return this.action?.description === "sleeping";
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

/** The job channel of a resident's plan decisions: while it is busy, the resident is thinking. */
export function planKey(r: Resident): string {
  return `${r.id}:plan`;
}
