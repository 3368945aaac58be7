/**
 * One step of one resident, in the paper's order:
 *
 *   perceive -> (retrieve) -> react / converse -> reflect -> plan -> execute
 *
 * (The paper plans before reacting; here a reaction is asked first so that a resident
 * who stops to talk does not also start a new action.)
 * Everything that needs the mind is a request (server/agents/requests.ts): retrieval
 * happens inside those jobs on a frozen view of the resident, and their answers are
 * applied at a later step boundary (apply.ts). So a step never waits for the mind; a
 * resident keeps doing what it was doing and shows it is thinking meanwhile.
 * Conversations take one line per step (converse.ts) after every resident has stepped.
 */
import { manhattan, type Tile } from "../sim/address";
import { dayNumber } from "../sim/clock";
import { tripleKey } from "./memory/memory-stream";
import { shouldReflect, resetReflection } from "./memory/reflection-trigger";
import { personOf, type TownContext } from "./context";
import { walk } from "./execute";
import { perceive, type Perceived } from "./perceive";
import { canTalk, canTalkWithPlayer } from "./react";
import { channelOf, planChannel, residentChannel } from "./requests";
import type { Resident } from "./resident";

export function stepResident(ctx: TownContext, r: Resident, order: number): void {
  const fresh = perceive(r, ctx.maze, ctx.events);
  remember(ctx, r, fresh, order);
  if (!r.conversationId) react(ctx, r, fresh, order);
  // The "reflection" ablation: the resident never reflects.
  if (ctx.ablate !== "reflection" && shouldReflect(r.scratch)) reflectSoon(ctx, r, order);
  if (!r.conversationId) planIfDue(ctx, r, order);
  walk(ctx, r);
}

/** New events are scored and embedded off the tick, then remembered. */
function remember(ctx: TownContext, r: Resident, fresh: readonly Perceived[], order: number): void {
  if (fresh.length === 0) return;
  const request = { kind: "remember" as const, resident: r.id, events: fresh.map((p) => p.event) };
  if (ctx.jobs.busy(channelOf(request))) return;
  for (const e of request.events) r.remembering.add(tripleKey(e));
  ctx.jobs.start(request, order);
}

/**
 * Someone newly seen who is free to talk may be asked (the mind decides, off the tick).
 * A resident busy planning lets other residents pass, but not a person: people are
 * seen once when they arrive, and would go unnoticed (the plan is cancelled if they talk).
 */
function react(ctx: TownContext, r: Resident, fresh: readonly Perceived[], order: number): void {
  if (ctx.jobs.busy(residentChannel(r.id, "talk"))) return;
  const planning = ctx.jobs.busy(planChannel(r.id));
  const now = ctx.clock.nowMs;
  for (const p of fresh) {
    const who = personOf(ctx, p.event.subject);
    if (!who || (planning && who.kind === "resident")) continue;
    const ok = who.kind === "resident" ? canTalk(r, ctx.resident(who.id)!, now) : canTalkWithPlayer(r, ctx.players.get(who.id)!, now);
    if (ok) return void ctx.jobs.start({ kind: "talk", resident: r.id, partner: who }, order);
  }
  // A person who stays near is considered again (a "no" waits RECONSIDER_MS, apply.ts).
  if (ctx.players.size === 0) return;
  for (const p of ctx.players.values()) {
    if (!canSee(ctx, r, p.tile) || !canTalkWithPlayer(r, p, now)) continue;
    return void ctx.jobs.start({ kind: "talk", resident: r.id, partner: { kind: "player", id: p.id } }, order);
  }
}

/** Within the resident's vision and in its arena (as perceive sees). */
function canSee(ctx: TownContext, r: Resident, tile: Tile): boolean {
  return manhattan(r.tile, tile) <= r.persona.vision && ctx.maze.arenaIdAt(tile.x, tile.y) === ctx.maze.arenaIdAt(r.tile.x, r.tile.y);
}

/** A new day, or the current action is over: ask for the plan and the next action. */
function planIfDue(ctx: TownContext, r: Resident, order: number): void {
  if (ctx.jobs.busy(planChannel(r.id))) return;
  const now = ctx.clock.nowMs;
  const newDay = !r.day || dayNumber(r.day.dayStartMs) !== dayNumber(now);
  if (newDay || !r.action || now >= r.action.endMs) ctx.jobs.start({ kind: "plan", resident: r.id }, order);
}

function reflectSoon(ctx: TownContext, r: Resident, order: number): void {
  const request = { kind: "reflect" as const, resident: r.id };
  if (ctx.jobs.busy(channelOf(request))) return;
  resetReflection(r.scratch);
  ctx.jobs.start(request, order);
}
