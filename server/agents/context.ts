/**
 * What the cognition modules see of the town: the world (server/sim), the residents, the
 * mind and the job queue. The town (server/town) provides it; agents never reach further.
 */
import type { ChatDelta, ChatMessage } from "../../shared/protocol";
import type { Tile } from "../sim/address";
import type { GameClock } from "../sim/clock";
import type { Conversations } from "../sim/conversations";
import type { TileEvents } from "../sim/events";
import type { PersonRef, PlayerId, ResidentId } from "../sim/ids";
import type { JobQueue } from "../sim/jobs";
import type { Maze } from "../sim/maze";
import type { Player } from "../sim/players";
import type { Mind } from "../mind/mind";
import type { Change, Request } from "./requests";
import type { Resident } from "./resident";

/** The paper's ablations: residents without one part of the architecture (server/agents/ablation.ts). */
export const ABLATIONS = ["memory", "reflection", "planning"] as const;
export type Ablation = (typeof ABLATIONS)[number];

export interface TownContext {
  readonly maze: Maze;
  readonly clock: GameClock;
  readonly events: TileEvents;
  readonly mind: Mind;
  readonly seed: number;
  /** A part of the architecture switched off for the whole town (an experiment). */
  readonly ablate?: Ablation;
  /** Residents in scenario order: the order of their steps and of applied answers. */
  readonly residents: readonly Resident[];
  readonly players: ReadonlyMap<PlayerId, Player>;
  readonly conversations: Conversations;
  readonly jobs: JobQueue<Request, Change>;
  resident(id: ResidentId): Resident | undefined;
  /** A resident's position in `residents` (the order of its jobs' answers). */
  orderOf(id: ResidentId): number;
  /** Hands a chat line to the room (broadcast) and the town's recent feed; the town numbers it. */
  emit(line: Omit<ChatMessage, "seq">): void;
  /** A resident's line as the model writes it (display only, never state). */
  emitDelta(delta: ChatDelta): void;
}

/** The display name of a person; "someone" for one who has left. */
export function nameOf(ctx: TownContext, who: PersonRef): string {
  return (who.kind === "resident" ? ctx.resident(who.id)?.name : ctx.players.get(who.id)?.name) ?? "someone";
}

export function tileOf(ctx: TownContext, who: PersonRef): Tile | undefined {
  return who.kind === "resident" ? ctx.resident(who.id)?.tile : ctx.players.get(who.id)?.tile;
}

/** The person behind a tile event's subject, if it is one. */
export function personOf(ctx: TownContext, subject: string): PersonRef | undefined {
  if (ctx.resident(subject as ResidentId)) return { kind: "resident", id: subject as ResidentId };
  if (ctx.players.has(subject as PlayerId)) return { kind: "player", id: subject as PlayerId };
  return undefined;
}
