/**
 * The entries of a town's logs, as they are written and read back. Each carries the step
 * at which it was made. The step log holds what a replay draws: a full frame (every
 * resident and person) when a town starts or resumes and at every snapshot, else only
 * what changed since the step before.
 */
import type { ChatMessage } from "../../shared/protocol";
import type { MemoryNodeJson } from "../agents/memory/memory-json";

export interface MemoryEntry {
  step: number;
  resident: string;
  node: MemoryNodeJson;
}

export interface ChatEntry {
  step: number;
  line: ChatMessage;
}

/** Where someone is: id, x, y. */
export type Position = [id: string, x: number, y: number];
/** What someone is doing: id, action text, emoji, place label, conversation id ("" none). */
export type Activity = [id: string, action: string, emoji: string, place: string, conversationId: string];

/** Who someone is: id, display name, sprite sheet. */
export type Person = [id: string, name: string, sprite: string];

export interface StepEntry {
  step: number;
  gameTimeMs: number;
  /** True: `moved` and `acts` list everyone; false: only those that changed. */
  full: boolean;
  moved: Position[];
  acts: Activity[];
  /** Ids gone since the last frame (people who left). */
  gone?: string[];
  /** Who appears in this frame for the first time (everyone, in a full frame): id, name, sprite. */
  people?: Person[];
}

/** One question the town asked its mind, and the answer it used. */
export interface AnswerEntry {
  step: number;
  /** The Mind method. */
  q: string;
  /** sha256 of the method's input (stable JSON). */
  h: string;
  /** The answer, as JSON. */
  a: unknown;
}
