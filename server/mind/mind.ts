/**
 * The Mind: every question an agent asks itself, one method each, with typed input and
 * validated output. Implementations: OfflineMind (rule-based, default) and LlmMind.
 * Answers are asynchronous: the town never waits for them inside a tick.
 */
import type { Persona } from "../sim/scenario";

/** A block of the day's schedule: what to do and for how long. */
export interface PlanBlock {
  task: string;
  minutes: number;
}

/** What the agent knows of the town: sector -> arena -> objects (spatial memory). */
export type KnownPlaces = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export interface DayContext {
  persona: Persona;
  /** Game ms at midnight of the day being planned. */
  dayStartMs: number;
  /** 0 for the first simulated day. */
  dayIndex: number;
  /** Places the agent knows (the plan may name them). */
  known: KnownPlaces;
}

export interface DecomposeInput {
  persona: Persona;
  task: string;
  /** Minute of the day at which the block starts. */
  startMinute: number;
  minutes: number;
}

export interface PlaceInput {
  persona: Persona;
  task: string;
  /** The schedule block the task belongs to (it may name the place). */
  parentTask?: string;
  /** Minute of the day the task starts. */
  nowMinute?: number;
  /** Sector the agent stands in now (prefer staying there when it fits). */
  currentSector: string | null;
  known: KnownPlaces;
}

export interface PlaceAnswer {
  sector: string;
  arena: string;
  /** Absent when the arena has no known object for it: any tile of the arena will do. */
  object?: string;
  emoji: string;
  /** Event triple: subject (the agent), predicate, object. */
  event: [string, string, string];
  /** What the object is doing while used, e.g. "brewing coffee". */
  objectState: string;
}

export interface Mind {
  /** Shown to people: which mind drives the town. */
  readonly label: string;
  /** Minute of the day (0..1439) the agent wakes up. */
  wakeUpMinute(ctx: DayContext): Promise<number>;
  /** Broad plan for the day, 5-8 items. */
  dailyPlan(ctx: DayContext & { wakeMinute: number }): Promise<string[]>;
  /** Hour-by-hour schedule from midnight; minutes sum to 1440. */
  hourlySchedule(ctx: DayContext & { wakeMinute: number; dailyPlan: string[] }): Promise<PlanBlock[]>;
  /** Splits one schedule block into short subtasks whose minutes sum to the block's. */
  decompose(input: DecomposeInput): Promise<PlanBlock[]>;
  /** Where and how to do a task: one answer for sector, arena, object, emoji, triple, object state. */
  actionPlace(input: PlaceInput): Promise<PlaceAnswer>;
}
