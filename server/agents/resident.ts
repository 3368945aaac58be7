/**
 * A resident: persona, where it stands, what it knows of the town, its plan for the day
 * and its current action. Behaviour lives in the cognition modules; this is the state
 * they share, with its plain-JSON form for snapshots.
 */
import type { Facing } from "../../shared/constants";
import type { Address, Tile } from "../sim/address";
import type { ConversationId, PersonId, ResidentId } from "../sim/ids";
import type { Persona } from "../sim/scenario";
import type { KnownPlaces, PlanBlock } from "../mind/mind";
import { SpatialMemory, type SpatialMemoryJson } from "./memory/spatial-memory";
import { MemoryStream, type MemoryNode, type NewMemory } from "./memory/memory-stream";
import type { MemoryStreamJson } from "./memory/memory-json";
import { newScratch, type Scratch } from "./memory/scratch";
import { notePoignancy } from "./memory/reflection-trigger";

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

/** Who told a resident a planted fact ("" for its holder), and when. */
export interface KnownFact {
  from: PersonId | "";
  atMs: number;
}

export class Resident {
  tile: Tile;
  facing: Facing = "down";
  path: Tile[] = [];
  day: DayPlan | null = null;
  action: Action | null = null;
  spatial = new SpatialMemory();
  memory = new MemoryStream();
  scratch: Scratch = newScratch();
  /** The resident's own copy of its persona: "currently" is revised each new day. */
  persona: Persona;
  /** Planted facts this resident knows, by fact id. */
  readonly knownFacts = new Map<string, KnownFact>();
  /** Conversation in progress, if any. */
  conversationId: ConversationId | null = null;
  /** Game ms when its last conversation ended (null: never talked). */
  lastChatEndMs: number | null = null;
  /** What the resident was doing when a conversation interrupted it. */
  interrupted: Action | null = null;
  /** Triples of perceived events being remembered now, so they are not taken as new twice. */
  readonly remembering = new Set<string>();
  /**
   * When perception last found nothing new: where, the events' version around it and the
   * memory's size then. While all three stand, it would find nothing again (not saved:
   * a restored resident simply looks afresh).
   */
  sawNothing: { tile: number; events: number; memory: number } | null = null;
  /** Every action taken, for reports. */
  readonly actionLog: { startMs: number; description: string; place: string }[] = [];
  reflections = 0;
  /** Every day plan made, for reports. */
  readonly dayLog: DayPlan[] = [];

  constructor(
    readonly id: ResidentId,
    persona: Persona,
    start: Tile,
  ) {
    this.persona = { ...persona };
    this.tile = { ...start };
  }

  /**
   * Appends a memory; its importance counts toward reflection (unless it is itself an
   * insight: reflection must not feed on its own output) and its provenance is kept.
   */
  remember(m: NewMemory): MemoryNode {
    const node = this.memory.add(m);
    if (node.evidence.length === 0) notePoignancy(this.scratch, node.poignancy);
    const fact = node.source?.factId;
    if (fact && !this.knownFacts.has(fact)) this.knownFacts.set(fact, { from: (node.source?.toldBy ?? "") as PersonId | "", atMs: node.createdMs });
    return node;
  }

  get isAsleep(): boolean {
    return this.action?.description === "sleeping";
  }

  get name(): string {
    return this.persona.name;
  }

  /** The places it knows as sector -> arena -> objects; shared until it learns more, so read only. */
  knownPlaces(world: string): KnownPlaces {
    const cached = this.placesCache;
    if (cached && cached.spatial === this.spatial && cached.world === world && cached.version === this.spatial.version) return cached.places;
    const places = this.buildKnownPlaces(world);
    this.placesCache = { spatial: this.spatial, world, version: this.spatial.version, places };
    return places;
  }

  private placesCache: { spatial: SpatialMemory; world: string; version: number; places: KnownPlaces } | null = null;

  private buildKnownPlaces(world: string): KnownPlaces {
    const out = new Map<string, Map<string, string[]>>();
    for (const sector of this.spatial.knownSectors(world)) {
      const arenas = new Map<string, string[]>();
      for (const arena of this.spatial.knownArenas(sector, world)) arenas.set(arena, this.spatial.knownObjects(sector, arena, world));
      out.set(sector, arenas);
    }
    return out;
  }

  toJSON(): ResidentJson {
    return this.toJSONWith((m) => m.toJSON());
  }

  /** `toJSON` with the memory stream saved as `memory` says (a snapshot may point into the memory log instead). */
  toJSONWith<M>(memory: (stream: MemoryStream) => M): Omit<ResidentJson, "memory"> & { memory: M } {
    return {
      id: this.id,
      persona: { ...this.persona },
      tile: { ...this.tile },
      facing: this.facing,
      path: this.path.map((t) => ({ ...t })),
      day: this.day && dayPlanToJson(this.day),
      action: this.action && structuredClone(this.action),
      interrupted: this.interrupted && structuredClone(this.interrupted),
      spatial: this.spatial.toJSON(),
      memory: memory(this.memory),
      scratch: structuredClone(this.scratch),
      knownFacts: [...this.knownFacts.entries()].map(([id, k]) => [id, { ...k }]),
      conversationId: this.conversationId,
      lastChatEndMs: this.lastChatEndMs,
      remembering: [...this.remembering],
      actionLog: this.actionLog.map((a) => ({ ...a })),
      reflections: this.reflections,
      // The current day is also the last of the log: saved once, by its index.
      dayLog: this.dayLog.map((d) => (d === this.day ? "current" : dayPlanToJson(d))),
    };
  }

  static fromJSON(j: ResidentJson): Resident {
    const r = new Resident(j.id, j.persona, j.tile);
    r.facing = j.facing;
    r.path = j.path.map((t) => ({ ...t }));
    r.day = j.day && dayPlanFromJson(j.day);
    r.action = j.action && structuredClone(j.action);
    r.interrupted = j.interrupted && structuredClone(j.interrupted);
    r.spatial = SpatialMemory.fromJSON(j.spatial);
    r.memory = MemoryStream.fromJSON(j.memory);
    r.scratch = structuredClone(j.scratch);
    for (const [id, k] of j.knownFacts) r.knownFacts.set(id, { ...k });
    r.conversationId = j.conversationId;
    r.lastChatEndMs = j.lastChatEndMs;
    for (const t of j.remembering) r.remembering.add(t);
    r.actionLog.push(...j.actionLog.map((a) => ({ ...a })));
    r.reflections = j.reflections;
    for (const d of j.dayLog) r.dayLog.push(d === "current" ? r.day! : dayPlanFromJson(d));
    return r;
  }
}

export interface DayPlanJson extends Omit<DayPlan, "decomposed"> {
  decomposed: [number, PlanBlock[]][];
}

export interface ResidentJson {
  id: ResidentId;
  persona: Persona;
  tile: Tile;
  facing: Facing;
  path: Tile[];
  day: DayPlanJson | null;
  action: Action | null;
  interrupted: Action | null;
  spatial: SpatialMemoryJson;
  memory: MemoryStreamJson;
  scratch: Scratch;
  knownFacts: [string, KnownFact][];
  conversationId: ConversationId | null;
  lastChatEndMs: number | null;
  remembering: string[];
  actionLog: { startMs: number; description: string; place: string }[];
  reflections: number;
  dayLog: (DayPlanJson | "current")[];
}

function dayPlanToJson(d: DayPlan): DayPlanJson {
  return structuredClone({ ...d, decomposed: [...d.decomposed.entries()] });
}

function dayPlanFromJson(d: DayPlanJson): DayPlan {
  const c = structuredClone(d);
  return { ...c, decomposed: new Map(c.decomposed) };
}
