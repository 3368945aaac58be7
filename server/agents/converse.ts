/**
 * Converse: the rules of a conversation. Two residents talk turn by turn (at most 8
 * rounds). People join by speaking to a resident: the one addressed answers them, so a
 * conversation may hold several people and residents. A resident's line is asked of the
 * mind off the tick (converse-mind.ts), or, for two residents alone, written with the
 * whole exchange at the first line and said at its turn; a person's is typed.
 *
 * Someone leaves by saying goodbye (once answered), walking out of earshot, or going
 * silent; a resident leaves when it ends its part. The conversation ends when fewer than
 * two remain or no resident does. Whoever leaves is free again: a resident keeps its
 * cooldowns, re-cuts its day plan around the talk and recalls what was said.
 */
import { EARSHOT_TILES } from "../../shared/constants";
import type { ChatMessage } from "../../shared/protocol";
import { manhattan, placeLabel, type Tile } from "../sim/address";
import { MS_PER_DAY, MS_PER_MINUTE, minuteOfDay } from "../sim/clock";
import { isPresent, memberOf, present, residentsOnly, type Conversation, type LineRecord } from "../sim/conversations";
import { samePerson, type PersonRef, type PlayerId } from "../sim/ids";
import { findPath } from "../sim/pathfinding";
import { nameOf, tileOf, type TownContext } from "./context";
import { facingOf } from "./execute";
import { setChatCooldown } from "./memory/scratch";
import { insertIntoPlan } from "./plan";
import { CHAT_COOLDOWN_MS } from "./react";
import { lineChannel, planChannel } from "./requests";
import type { Resident } from "./resident";

export const MAX_ROUNDS = 8;
/** Lines of a conversation among residents only. */
export const MAX_LINES = MAX_ROUNDS * 2;
/** Lines of a conversation with people in it: long talks end here. */
export const MAX_LINES_WITH_PEOPLE = 80;
/** A conversation in which nobody has spoken for this long (game time) ends. */
export const PLAYER_SILENCE_MS = 10 * MS_PER_MINUTE;
export { EARSHOT_TILES };
/** A person further than this from everyone else in the conversation has walked off. */
export const LEAVE_TILES = EARSHOT_TILES + 2;

const GOODBYE = /\b(good ?bye|bye|see (you|ya)|farewell|take care|gotta go|got to go|have to go|later)\b/i;

export function isGoodbye(text: string): boolean {
  return GOODBYE.test(text);
}

/** Starts a conversation; the first side speaks first (a resident walks up to the other). */
export function startConversation(ctx: TownContext, first: PersonRef, second: PersonRef): Conversation {
  const now = ctx.clock.nowMs;
  const conv = ctx.conversations.open([first, second].map((who) => ({ who, name: nameOf(ctx, who) })), now);
  for (const who of [first, second]) occupy(ctx, conv, who, first.id === who.id ? second : first);
  if (first.kind === "resident") {
    conv.turns.push({ speaker: first.id, to: second });
    const target = tileOf(ctx, second);
    if (target) walkUpTo(ctx, ctx.resident(first.id)!, target);
  }
  return conv;
}

/** Someone joins a conversation in progress (a person speaking to one who is talking). */
export function joinConversation(ctx: TownContext, conv: Conversation, who: PersonRef, addressing: PersonRef): void {
  if (isPresent(conv, who)) return;
  // Lines written for the residents alone are not said once someone else is there.
  delete conv.script;
  ctx.conversations.join(conv, who, nameOf(ctx, who), ctx.clock.nowMs);
  occupy(ctx, conv, who, addressing);
}

/** A line typed by a person; the resident addressed answers them next. */
export function playerLine(ctx: TownContext, conv: Conversation, player: PlayerId, text: string, to: PersonRef): void {
  const self: PersonRef = { kind: "player", id: player };
  if (conv.ended || !isPresent(conv, self)) return;
  addLine(ctx, conv, self, to, text, []);
  if (conv.ended) return;
  if (to.kind === "resident" && isPresent(conv, to)) {
    const r = ctx.resident(to.id);
    if (r) r.facing = facingOf(r.tile, ctx.players.get(player)?.tile ?? r.tile);
    // Answering the person comes before the residents' own turns.
    if (!conv.turns.some((t) => t.speaker === to.id && samePerson(t.to, self))) conv.turns.unshift({ speaker: to.id, to: self });
    if (isGoodbye(text) && !conv.leaving.some((l) => samePerson(l, self))) conv.leaving.push(self);
  }
}

/** Whom a person's line in a conversation is for: the named resident, else the last one who spoke to them. */
export function addresseeIn(ctx: TownContext, conv: Conversation, player: PlayerId, text: string): PersonRef | null {
  const lower = text.toLowerCase();
  const residents = present(conv).filter((m) => m.who.kind === "resident");
  const named = residents.find((m) => lower.includes(ctx.resident(m.who.id as Resident["id"])!.persona.firstName.toLowerCase()));
  if (named) return named.who;
  for (let i = conv.lines.length - 1; i >= 0; i--) {
    const l = conv.lines[i];
    if (l.speaker.kind === "resident" && isPresent(conv, l.speaker) && (l.to === null || l.to.id === player)) return l.speaker;
  }
  return residents[0]?.who ?? null;
}

/**
 * Records a resident's line (an applied answer) or a person's, tells the room, and moves
 * the turn on: a resident answering a resident gets an answer back.
 */
export function addLine(ctx: TownContext, conv: Conversation, speaker: PersonRef, to: PersonRef | null, text: string, factIds: string[], draftId?: string): void {
  const now = ctx.clock.nowMs;
  const line = ctx.conversations.record(conv, speaker, to, text, factIds, now);
  ctx.emit(chatOf(ctx, conv, line, draftId));
  if (conv.lines.length >= (residentsOnly(conv) ? MAX_LINES : MAX_LINES_WITH_PEOPLE)) return endConversation(ctx, conv);
  if (speaker.kind === "resident" && to?.kind === "resident" && isPresent(conv, to)) conv.turns.push({ speaker: to.id, to: speaker });
}

/** A resident's line arrived: record it, then let whoever it ended for leave. */
export function residentLine(ctx: TownContext, conv: Conversation, speaker: Resident, to: PersonRef, text: string, end: boolean, factIds: string[], draftId?: string): void {
  const self: PersonRef = { kind: "resident", id: speaker.id };
  if (!isPresent(conv, self)) return;
  addLine(ctx, conv, self, to, text, factIds, draftId);
  if (conv.ended) return;
  // A person who said goodbye has now been answered.
  if (to.kind === "player" && conv.leaving.some((l) => samePerson(l, to))) leaveConversation(ctx, conv, to);
  if (end && !conv.ended) {
    if (residentsOnly(conv)) endConversation(ctx, conv);
    else leaveConversation(ctx, conv, self);
  }
}

/** One step of every conversation: walkers and the silent leave; the next resident due asks for its line. */
export function stepConversations(ctx: TownContext): void {
  const now = ctx.clock.nowMs;
  for (const conv of ctx.conversations.ongoing()) {
    for (const m of present(conv)) {
      if (m.who.kind !== "player") continue;
      const p = ctx.players.get(m.who.id);
      if (!p || !withinReach(ctx, conv, m.who, p.tile)) leaveConversation(ctx, conv, m.who);
    }
    if (conv.ended) continue;
    const last = conv.lines[conv.lines.length - 1]?.gameTimeMs ?? conv.startedMs;
    if (conv.turns.length === 0 && now - last > PLAYER_SILENCE_MS) {
      endConversation(ctx, conv);
      continue;
    }
    const turn = conv.turns[0];
    if (!turn || ctx.jobs.busy(lineChannel(conv.id))) continue;
    ctx.jobs.start({ kind: "line", conversation: conv.id, speaker: turn.speaker, to: turn.to }, ctx.orderOf(turn.speaker));
  }
}

/** One person leaves; the conversation ends when fewer than two, or no resident, remain. */
export function leaveConversation(ctx: TownContext, conv: Conversation, who: PersonRef): void {
  if (conv.ended || !isPresent(conv, who)) return;
  const now = ctx.clock.nowMs;
  ctx.conversations.leave(conv, who, now);
  release(ctx, conv, who, now);
  const left = present(conv);
  if (left.length < 2 || !left.some((m) => m.who.kind === "resident")) endConversation(ctx, conv);
}

/** Ends a conversation: everyone still in it is free again. */
export function endConversation(ctx: TownContext, conv: Conversation): void {
  if (conv.ended) return;
  const now = ctx.clock.nowMs;
  const staying = present(conv);
  delete conv.script; // lines never said are not part of the record
  ctx.conversations.close(conv, now);
  ctx.jobs.cancel(lineChannel(conv.id));
  for (const m of staying) release(ctx, conv, m.who, now);
}

/** Where a conversation is, as people say it ("Hobbs Cafe: cafe"). */
export function placeOf(ctx: TownContext, tile: Tile): string {
  return placeLabel(ctx.maze.addressAt(tile.x, tile.y));
}

/** The protocol form of a recorded line. */
export function chatOf(ctx: TownContext, conv: Conversation, line: LineRecord, draftId?: string): Omit<ChatMessage, "seq"> {
  const tile = tileOf(ctx, line.speaker) ?? { x: 0, y: 0 };
  const here = present(conv);
  return {
    conversationId: conv.id,
    channel: "conversation",
    from: line.speaker.id,
    fromName: line.speakerName,
    to: line.to?.id ?? null,
    toName: line.to ? (memberOf(conv, line.to)?.name ?? nameOf(ctx, line.to)) : null,
    participants: here.map((m) => m.who.id),
    participantNames: here.map((m) => m.name),
    text: line.text,
    gameTimeMs: line.gameTimeMs,
    x: tile.x,
    y: tile.y,
    ...(draftId !== undefined && { draftId }),
  };
}

/** Residents are held by the talk; a person is still in it while near someone else in it. */
function withinReach(ctx: TownContext, conv: Conversation, who: PersonRef, tile: Tile): boolean {
  return present(conv).some((m) => !samePerson(m.who, who) && manhattan(tileOf(ctx, m.who) ?? tile, tile) <= LEAVE_TILES);
}

/** Marks a person as talking; a resident stops what it was doing and turns to `facing`. */
function occupy(ctx: TownContext, conv: Conversation, who: PersonRef, facing: PersonRef): void {
  const now = ctx.clock.nowMs;
  if (who.kind === "player") {
    const p = ctx.players.get(who.id);
    if (p) p.conversationId = conv.id;
    return;
  }
  const r = ctx.resident(who.id)!;
  const wasTalking = r.conversationId !== null;
  r.conversationId = conv.id;
  ctx.jobs.cancel(planChannel(r.id));
  r.path = [];
  const target = tileOf(ctx, facing);
  if (target) r.facing = facingOf(r.tile, target);
  if (!wasTalking) r.interrupted = r.action;
  r.action = {
    description: `chatting with ${nameOf(ctx, facing)}`,
    emoji: "💬",
    address: ctx.maze.addressAt(r.tile.x, r.tile.y) ?? { world: ctx.maze.world },
    blockTask: r.action?.blockTask ?? "",
    startMs: now,
    endMs: now + MS_PER_DAY,
    event: [r.id, "is chatting with", nameOf(ctx, facing)],
    objectState: "",
  };
}

/** Frees one person of a conversation: a resident sets its cooldowns, re-cuts its plan and recalls the talk. */
function release(ctx: TownContext, conv: Conversation, who: PersonRef, now: number): void {
  if (who.kind === "player") {
    const p = ctx.players.get(who.id);
    if (p?.conversationId === conv.id) p.conversationId = null;
    return;
  }
  const r = ctx.resident(who.id);
  if (!r || r.conversationId !== conv.id) return;
  r.conversationId = null;
  r.lastChatEndMs = now;
  const others = conv.members.filter((m) => !samePerson(m.who, who));
  for (const o of others) setChatCooldown(r.scratch, o.who.id, now + CHAT_COOLDOWN_MS, now);
  if (r.action) r.action.endMs = now;
  const from = minuteOfDay(conv.startedMs);
  if (r.day) insertIntoPlan(r.day, from, Math.max(from + 1, minuteOfDay(now)), `chat with ${others.map((o) => o.name).join(" and ")}`);
  if (conv.lines.length > 0) ctx.jobs.start({ kind: "recall", resident: r.id, conversation: conv.id }, ctx.orderOf(r.id));
}

function walkUpTo(ctx: TownContext, r: Resident, target: Tile): void {
  const goals = [
    { x: target.x + 1, y: target.y },
    { x: target.x - 1, y: target.y },
    { x: target.x, y: target.y + 1 },
    { x: target.x, y: target.y - 1 },
  ];
  const result = findPath(ctx.maze, r.tile, goals);
  r.path = result.ok ? result.path : [];
}
