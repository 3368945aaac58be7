/**
 * Decisions as data. A resident (or a conversation) that needs the mind emits a
 * Request; a job turns it into a Change; the town applies changes at step boundaries.
 * Both are plain JSON, so a snapshot can hold the requests still pending and a restored
 * town asks them again.
 */
import type { ScriptedLine } from "../sim/conversations";
import type { TileEvent } from "../sim/events";
import type { ConversationId, PersonRef, ResidentId } from "../sim/ids";
import type { PlanBlock } from "../mind/mind";
import type { NewMemory } from "./memory/memory-stream";
import type { Action, DayPlan } from "./resident";

export type Request =
  /** Score and embed newly perceived events. */
  | { kind: "remember"; resident: ResidentId; events: TileEvent[] }
  /** A thought planted at start (scenario fact) or by the host (whisper). */
  | { kind: "plant"; resident: ResidentId; seq: number; atMs: number; text: string; factId?: string; keywords: string[] }
  /** Should the resident start a conversation with someone it sees? */
  | { kind: "talk"; resident: ResidentId; partner: PersonRef }
  | { kind: "reflect"; resident: ResidentId }
  /** A new day's plan (when due) and the next action. */
  | { kind: "plan"; resident: ResidentId }
  /** The next line of a conversation whose turn is a resident's, said to `to`. */
  | { kind: "line"; conversation: ConversationId; speaker: ResidentId; to: PersonRef }
  /** What a resident keeps of a conversation that ended. */
  | { kind: "recall"; resident: ResidentId; conversation: ConversationId };

export type RequestKind = Request["kind"];

export type Change =
  | { kind: "remember"; resident: ResidentId; memories: NewMemory[]; triples: string[] }
  | { kind: "plant"; resident: ResidentId; memory: NewMemory }
  | { kind: "talk"; resident: ResidentId; partner: PersonRef; yes: boolean }
  | { kind: "reflect"; resident: ResidentId; insights: NewMemory[]; accessed: string[]; atMs: number }
  | {
      kind: "plan";
      resident: ResidentId;
      atMs: number;
      /** A new day: the plan, the revised "currently" and the plan thought to remember (none without planning). */
      newDay?: { plan: DayPlan; currently?: string; thought?: NewMemory };
      decomposition?: { index: number; blocks: PlanBlock[] };
      action: Action;
      accessed: string[];
    }
  | {
      kind: "line";
      conversation: ConversationId;
      speaker: ResidentId;
      to: PersonRef;
      text: string;
      end: boolean;
      factIds: string[];
      accessed: string[];
      atMs: number;
      /** Set when the line was streamed to viewers as it was written. */
      draftId?: string;
      /** The rest of a written exchange: said one per turn after this line (see converse-mind.ts). */
      script?: ScriptedLine[];
    }
  | { kind: "recall"; resident: ResidentId; conversation: ConversationId; memories: NewMemory[] }
  /** Every attempt failed: the conversation ends (other kinds need nothing). */
  | { kind: "endConversation"; conversation: ConversationId }
  /** Every attempt to remember failed: the events may be perceived as new again. */
  | { kind: "forget"; resident: ResidentId; triples: string[] };

/** The job channel of a request: one decision of each kind at a time per resident. */
export function channelOf(req: Request): string {
  switch (req.kind) {
    case "plant":
      return `${req.resident}:plant:${req.seq}`;
    case "line":
      return lineChannel(req.conversation);
    case "recall":
      return `${req.resident}:recall:${req.conversation}`;
    case "plan":
      return planChannel(req.resident);
    default:
      return residentChannel(req.resident, req.kind);
  }
}

export function planChannel(resident: ResidentId): string {
  return residentChannel(resident, "plan");
}

/**
 * "r3:plan": the loop asks whether each resident's channels are busy at every step, so
 * each name is made once and its hash is computed once, instead of a new string per look.
 */
export function residentChannel(resident: ResidentId, kind: Request["kind"]): string {
  let names = channelNames.get(kind);
  if (!names) channelNames.set(kind, (names = new Map()));
  let name = names.get(resident);
  if (name === undefined) names.set(resident, (name = `${resident}:${kind}`));
  return name;
}

const channelNames = new Map<string, Map<ResidentId, string>>();

export function lineChannel(conversation: ConversationId): string {
  return `${conversation}:line`;
}
