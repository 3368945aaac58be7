/**
 * A saved town played back: what `GET /api/runs/<id>/replay` sends (built by
 * server/runs/replay-data.ts), and `stateAt`, the town at one step, shared by the replay
 * view and the tests so both read the logs the same way.
 * Types only from the server: the client bundles none of its code.
 */
import type { Activity, Position, StepEntry } from "../server/store/entries";
import type { Damage, TownMode, TownRecord } from "../server/store/store";
import { GAME_SECONDS_PER_STEP, type Facing } from "./constants";
import type { ChatMessage } from "./protocol";

export type { Activity, Damage, Position, StepEntry };

/** The town's record as the store keeps it, without the password hash. */
export type ReplayTown = Omit<TownRecord, "password"> & { hasPassword: boolean };

/** Someone who appears in the run: a resident of the scenario or a person who came in. */
export interface ReplayPerson {
  id: string;
  name: string;
  kind: "resident" | "person";
  /** Character sheet slug. */
  sprite: string;
}

/** A line of the chat log, with the step at which it was said. */
export type ReplayLine = ChatMessage & { step: number };

/** Reflections, the day's plans, thoughts planted by a host, other thoughts, and conversation summaries. */
export type ThoughtKind = "reflection" | "plan" | "planted" | "thought" | "chat";

export interface ReplayThought {
  step: number;
  resident: string;
  gameTimeMs: number;
  kind: ThoughtKind;
  text: string;
}

export interface ReplayConversation {
  id: string;
  /** Everyone who took part (ids), and their names, in order of first appearance. */
  participants: string[];
  participantNames: string[];
  startMs: number;
  endMs: number;
  startStep: number;
  endStep: number;
  lines: number;
}

export interface ReplayData {
  town: ReplayTown;
  people: ReplayPerson[];
  /** Ascending by step; a run resumed from an older snapshot keeps only the resumed branch. */
  frames: StepEntry[];
  /** Ascending by step, then by sequence. */
  lines: ReplayLine[];
  /** Ascending by step. */
  thoughts: ReplayThought[];
  /** Ascending by start. */
  conversations: ReplayConversation[];
  /** What the store could not read (the replay holds what came before it). */
  damage: Damage[];
}

/** One entry of `GET /api/runs`: a saved public town. */
export interface RunListing {
  id: string;
  name: string;
  scenario: string;
  mode: TownMode;
  step: number;
  gameTimeMs: number;
  updatedAt: number;
  forkOf?: { town: string; step: number };
  hasPassword: boolean;
  closed: boolean;
}

/** Someone at one moment of the replay. */
export interface PersonAt {
  id: string;
  name: string;
  kind: "resident" | "person";
  sprite: string;
  x: number;
  y: number;
  /** From the last move (the logs keep no facing). */
  facing: Facing;
  action: string;
  emoji: string;
  place: string;
  /** "" when not in a conversation. */
  conversationId: string;
  /** Their latest thought so far (null: none yet, or not a resident). */
  thought: ReplayThought | null;
  /** What they said last, if it was within LINE_RECENT_MS of game time. */
  line: ReplayLine | null;
}

export interface ReplayState {
  /** The step asked for, within the run. */
  step: number;
  gameTimeMs: number;
  people: Record<string, PersonAt>;
}

/** A line counts as "what they are saying" for this long after it was said (game ms). */
export const LINE_RECENT_MS = 3 * 60_000;
/** Folding starts at a full frame or at a saved fold at most this many frames back. */
const CHECKPOINT_FRAMES = 256;
const STEP_MS = GAME_SECONDS_PER_STEP * 1000;

/** First and last step of the run ([0, 0] with no frames). */
export function stepRange(data: ReplayData): { first: number; last: number } {
  const f = data.frames;
  return f.length === 0 ? { first: 0, last: 0 } : { first: f[0].step, last: f[f.length - 1].step };
}

/** The town at a step: everyone's place and doing, folded from the frames, with their latest thought and line. */
export function stateAt(data: ReplayData, step: number): ReplayState {
  const index = indexOf(data);
  const { first, last } = stepRange(data);
  const at = Math.min(Math.max(Math.floor(step), first), last);
  const upTo = lastAtOrBefore(index.frameSteps, at);
  const folded = foldTo(data.frames, index, upTo);
  const people: Record<string, PersonAt> = {};
  const gameTimeMs = timeAt(data.frames, upTo, at);
  for (const [id, f] of folded) {
    const who = index.people.get(id);
    people[id] = {
      id,
      name: who?.name ?? id,
      kind: who?.kind ?? (/^r\d+$/.test(id) ? "resident" : "person"),
      sprite: who?.sprite ?? "",
      ...f,
      thought: latest(index.thoughtsBy.get(id), at),
      line: recentLine(index.linesBy.get(id), at, gameTimeMs),
    };
  }
  return { step: at, gameTimeMs, people };
}

/** Conversations under way at a step. */
export function conversationsAt(data: ReplayData, step: number): ReplayConversation[] {
  return data.conversations.filter((c) => c.startStep <= step && step <= c.endStep);
}

// --- folding ---

interface Folded {
  x: number;
  y: number;
  facing: Facing;
  action: string;
  emoji: string;
  place: string;
  conversationId: string;
}

type FoldState = Map<string, Folded>;

interface Index {
  frameSteps: number[];
  /** Frame indexes to fold from, ascending: a full frame (state null) or a saved fold ending there. */
  checkpoints: { at: number; state: FoldState | null }[];
  people: Map<string, ReplayPerson>;
  linesBy: Map<string, ReplayLine[]>;
  thoughtsBy: Map<string, ReplayThought[]>;
}

// Built once per loaded replay: scrubbing then folds at most CHECKPOINT_FRAMES frames.
const indexes = new WeakMap<ReplayData, Index>();

function indexOf(data: ReplayData): Index {
  let index = indexes.get(data);
  if (!index) {
    index = buildIndex(data);
    indexes.set(data, index);
  }
  return index;
}

function buildIndex(data: ReplayData): Index {
  const checkpoints: Index["checkpoints"] = [];
  const state: FoldState = new Map();
  let since = Infinity;
  data.frames.forEach((frame, i) => {
    if (frame.full) {
      checkpoints.push({ at: i, state: null });
      since = 0;
    } else if (++since >= CHECKPOINT_FRAMES) {
      // Saved before this frame is applied: folding from it applies frame i onwards.
      checkpoints.push({ at: i, state: copyState(state) });
      since = 0;
    }
    apply(state, frame);
  });
  return {
    frameSteps: data.frames.map((f) => f.step),
    checkpoints,
    people: new Map(data.people.map((p) => [p.id, p])),
    linesBy: groupBy(data.lines, (l) => l.from),
    thoughtsBy: groupBy(data.thoughts, (t) => t.resident),
  };
}

/** The state after frames[0..upTo] (none when upTo is -1). */
function foldTo(frames: StepEntry[], index: Index, upTo: number): FoldState {
  const cps = index.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  let from = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].at <= upTo) {
      from = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const cp = from >= 0 ? cps[from] : null;
  const state = cp?.state ? copyState(cp.state) : new Map<string, Folded>();
  for (let i = cp ? cp.at : 0; i <= upTo; i++) apply(state, frames[i]);
  return state;
}

function apply(state: FoldState, frame: StepEntry): void {
  if (frame.full) state.clear();
  for (const [id, x, y] of frame.moved) {
    const was = state.get(id);
    if (was) {
      was.facing = facingOf(x - was.x, y - was.y, was.facing);
      was.x = x;
      was.y = y;
    } else state.set(id, { x, y, facing: "down", action: "", emoji: "", place: "", conversationId: "" });
  }
  for (const [id, action, emoji, place, conversationId] of frame.acts) {
    const was = state.get(id);
    if (was) Object.assign(was, { action, emoji, place, conversationId });
    // Doing something before being placed anywhere: the frame lacked a position, keep what it says.
    else state.set(id, { x: 0, y: 0, facing: "down", action, emoji, place, conversationId });
  }
  for (const id of frame.gone ?? []) state.delete(id);
}

function facingOf(dx: number, dy: number, was: Facing): Facing {
  if (dx === 0 && dy === 0) return was;
  if (Math.abs(dx) >= Math.abs(dy)) return dx > 0 ? "right" : "left";
  return dy > 0 ? "down" : "up";
}

function copyState(state: FoldState): FoldState {
  const out: FoldState = new Map();
  for (const [id, f] of state) out.set(id, { ...f });
  return out;
}

/** Game time at a step: its frame's, or counted on from the frame before (frames may skip quiet steps). */
function timeAt(frames: StepEntry[], upTo: number, step: number): number {
  if (upTo < 0) return frames[0]?.gameTimeMs ?? 0;
  const f = frames[upTo];
  const guess = f.gameTimeMs + (step - f.step) * STEP_MS;
  const next = frames[upTo + 1];
  return next ? Math.min(guess, next.gameTimeMs) : guess;
}

// --- lookups ---

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Index of the last value <= at in an ascending array, or -1. */
function lastAtOrBefore(values: number[], at: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function lastByStep<T extends { step: number }>(items: T[] | undefined, step: number): T | null {
  if (!items) return null;
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].step <= step) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? items[found] : null;
}

function latest(thoughts: ReplayThought[] | undefined, step: number): ReplayThought | null {
  return lastByStep(thoughts, step);
}

function recentLine(lines: ReplayLine[] | undefined, step: number, nowMs: number): ReplayLine | null {
  const line = lastByStep(lines, step);
  return line && nowMs - line.gameTimeMs <= LINE_RECENT_MS ? line : null;
}
