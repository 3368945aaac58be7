/**
 * A town as plain, schema-versioned JSON, and back. The snapshot holds everything a run
 * depends on: the clock, every resident (persona as revised, plans, memory stream,
 * spatial memory, scratch, cooldowns), players, conversations, the events on tiles
 * (object states), and the decisions still pending as requests to ask again. Nothing in
 * it is a class instance or a Colyseus schema; seeded randomness is derived from the
 * seed and the step, so there is no generator state to keep.
 */
import { z } from "zod";
import type { ChatMessage } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import type { Ablation } from "../agents/context";
import type { Overlap } from "../agents/overlap";
import type { Change, Request } from "../agents/requests";
import { fromData, toData } from "./data-json";
import { Resident, type ResidentJson } from "../agents/resident";
import type { ConversationsJson } from "../sim/conversations";
import type { TileEventsJson } from "../sim/events";
import type { PendingJob } from "../sim/jobs";
import type { Maze } from "../sim/maze";
import type { Player } from "../sim/players";
import type { Scenario } from "../sim/scenario";
import { Town } from "./town";
import { JsonText } from "../store/json-text";
import type { MemoryEntry } from "../store/entries";
import { entriesByResident, isMemoryInLog, memoryFromLog, memoryInLog, type MemoryInLog } from "./memory-in-log";

export const SNAPSHOT_VERSION = 4;
/** Versions this code reads (2 had no feed; 3 could not point into the memory log). */
const READABLE_VERSIONS = [2, 3, 4] as const;

export interface TownSnapshot {
  version: typeof SNAPSHOT_VERSION;
  scenario: string;
  map: string;
  seed: number;
  mind: string;
  clock: { startMs: number; step: number; secondsPerStep: number };
  residents: ResidentJson[];
  players: Player[];
  conversations: ConversationsJson;
  events: TileEventsJson;
  jobs: { pending: PendingJob<Request, unknown>[]; failures: Record<string, number> };
  plantSeq: number;
  /** The recent lines a joiner is shown, and the line sequence. */
  feed: { seq: number; lines: ChatMessage[] };
}

/** A snapshot as a journal writes it: residents' memories are in the town's memory log (memory-in-log.ts). */
export interface LoggedTownSnapshot extends Omit<TownSnapshot, "residents"> {
  memoryInLog: true;
  residents: (Omit<ResidentJson, "memory"> & { memory: MemoryInLog })[];
}

/** What a restored town needs besides its snapshot: the map, the scenario and a mind. */
export interface RestoreDeps {
  maze: Maze;
  scenario: Scenario;
  mind: Mind;
  log?: (message: string) => void;
  /** Not saved with the town: an ablated run is resumed with the same switch. */
  ablate?: Ablation;
  /** Not saved either: a run with overlapping calls is resumed with the same setting. */
  overlap?: Overlap;
}

export function snapshotTown(town: Town): TownSnapshot {
  return snapshotWith(town, town.residents.map((r) => r.toJSON()));
}

/**
 * `JSON.stringify(snapshotTown(town))`, the same bytes, made resident by resident: only
 * one resident's objects exist at a time, and no single string holds the whole town.
 * With `memoryInLog` (a journal whose memory log holds every node), each resident's
 * memory is a pointer into that log instead: a `LoggedTownSnapshot`.
 */
export function snapshotTownText(town: Town, opts: { memoryInLog?: boolean } = {}): JsonText {
  const marker = JSON.stringify(RESIDENTS_MARK);
  const fixed = snapshotWith(town, RESIDENTS_MARK as unknown as ResidentJson[]);
  const rest = JSON.stringify(opts.memoryInLog ? { ...fixed, memoryInLog: true } : fixed);
  // The residents come right after the fixed fields (version ... clock), which cannot hold the mark.
  const at = rest.indexOf(marker);
  const pieces = [`${rest.slice(0, at)}[`];
  town.residents.forEach((r, i) => pieces.push(`${i > 0 ? "," : ""}${JSON.stringify(opts.memoryInLog ? r.toJSONWith(memoryInLog) : r.toJSON())}`));
  pieces.push(`]${rest.slice(at + marker.length)}`);
  return new JsonText(pieces);
}

/**
 * A snapshot read from a store made whole: memories it points to are filled in from the
 * memory log's entries (in place: the data was just read). Throws when the log does not
 * hold them.
 */
export function fillMemories(data: unknown, memoryLog: readonly MemoryEntry[]): unknown {
  const s = data as Partial<LoggedTownSnapshot>;
  if (s === null || typeof s !== "object" || s.memoryInLog !== true || !Array.isArray(s.residents)) return data;
  const byResident = entriesByResident(memoryLog);
  for (const r of s.residents as { id: string; memory: unknown }[]) {
    if (isMemoryInLog(r.memory)) r.memory = memoryFromLog(r.id, r.memory, byResident.get(r.id) ?? []);
  }
  delete s.memoryInLog;
  return data;
}

const RESIDENTS_MARK = "\u0000residents\u0000";

function snapshotWith(town: Town, residents: ResidentJson[]): TownSnapshot {
  // Residents, conversations and events give fresh copies of themselves; the rest is
  // cloned here (one clone of the whole town was most of a snapshot's cost).
  return {
    version: SNAPSHOT_VERSION,
    scenario: town.scenario.name,
    map: town.scenario.map,
    seed: town.seed,
    mind: town.mindLabel,
    clock: { startMs: town.clock.startMs, step: town.clock.step, secondsPerStep: town.clock.secondsPerStep },
    residents,
    players: structuredClone([...town.players.values()]),
    conversations: town.conversations.toJSON(),
    events: town.events.toJSON(),
    jobs: structuredClone({ pending: town.jobs.pending().map((j) => (j.answer === undefined ? j : { ...j, answer: toData(j.answer) })), failures: { ...town.jobs.failures } }),
    plantSeq: town.plantSeq,
    feed: structuredClone(town.feedJSON()),
  };
}

/** The envelope is checked; the body is trusted to be what `snapshotTown` wrote. */
const envelope = z.looseObject({
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  scenario: z.string(),
  seed: z.number().int(),
  clock: z.object({ startMs: z.number(), step: z.number().int().min(0), secondsPerStep: z.number().positive() }),
  residents: z.array(z.looseObject({ id: z.string() })),
});

/** A town that continues exactly as the one that was saved would have. */
export function restoreTown(data: unknown, deps: RestoreDeps): Town {
  const checked = envelope.safeParse(data);
  if (!checked.success) throw new Error(`not a town snapshot (versions ${READABLE_VERSIONS.join(", ")}): ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  if ((data as { memoryInLog?: unknown }).memoryInLog) throw new Error("this snapshot's memories are in its town's memory log: read it from the store (readSaved), which fills them in");
  const s = structuredClone(data) as TownSnapshot;
  if (s.scenario !== deps.scenario.name) throw new Error(`snapshot is of scenario "${s.scenario}", not "${deps.scenario.name}"`);
  const town = new Town({ maze: deps.maze, scenario: deps.scenario, mind: deps.mind, seed: s.seed, startTime: new Date(s.clock.startMs).toISOString(), log: deps.log, ablate: deps.ablate, overlap: deps.overlap }, true);
  town.clock.step = s.clock.step;
  for (const r of s.residents) town.addResident(Resident.fromJSON(r));
  for (const p of s.players) town.players.set(p.id, p);
  town.conversations.load(s.conversations);
  town.events.load(s.events);
  town.plantSeq = s.plantSeq;
  town.loadFeed(s.feed ?? { seq: 0, lines: [] });
  town.jobs.restore(
    s.jobs.pending.map((j) => ({ ...j, answer: j.answer === undefined ? undefined : (fromData(j.answer) as Change) })),
    s.jobs.failures,
  );
  return town;
}

