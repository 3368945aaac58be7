/**
 * Converse: the rules of a conversation. Two people talk turn by turn (at most 8 rounds);
 * a resident's line is asked of the mind off the tick (converse-mind.ts), a player's is
 * typed. Starting stops what the residents were doing; ending (goodbye, the line limit,
 * a player's silence or leaving) frees both sides, sets the pair's cooldown, re-cuts the
 * day plan around the talk and has each resident recall it.
 */
import { placeLabel, type Tile } from "../sim/address";
import { MS_PER_DAY, MS_PER_MINUTE, minuteOfDay } from "../sim/clock";
import { sideOf, type Conversation } from "../sim/conversations";
import type { PersonRef, PlayerId } from "../sim/ids";
import { findPath } from "../sim/pathfinding";
import { nameOf, tileOf, type TownContext } from "./context";
import { setChatCooldown } from "./memory/scratch";
import { insertIntoPlan } from "./plan";
import { CHAT_COOLDOWN_MS } from "./react";
import { channelOf, lineChannel, planChannel } from "./requests";

export const MAX_ROUNDS = 8;
export const MAX_LINES = MAX_ROUNDS * 2;
/** A player who says nothing for this long (game time) has left the conversation. */
export const PLAYER_SILENCE_MS = 5 * MS_PER_MINUTE;

/** Starts a conversation; the first side speaks first and walks up to the other. */
export function startConversation(ctx: TownContext, first: PersonRef, second: PersonRef): Conversation {
  const now = ctx.clock.nowMs;
  const conv = ctx.conversations.open([first, second], [nameOf(ctx, first), nameOf(ctx, second)], now);
  for (const [self, other] of [[first, second], [second, first]] as const) {
    if (self.kind === "player") {
      const p = ctx.players.get(self.id);
      if (p) p.conversationId = conv.id;
      continue;
    }
    const r = ctx.resident(self.id)!;
    r.conversationId = conv.id;
    ctx.jobs.cancel(planChannel(r.id));
    r.path = [];
    r.interrupted = r.action;
    r.action = {
      description: `chatting with ${nameOf(ctx, other)}`,
      emoji: "💬",
      address: ctx.maze.addressAt(r.tile.x, r.tile.y) ?? { world: ctx.maze.world },
      blockTask: r.action?.blockTask ?? "",
      startMs: now,
      endMs: now + MS_PER_DAY,
      event: [r.id, "is chatting with", nameOf(ctx, other)],
      objectState: "",
    };
  }
  const target = tileOf(ctx, second);
  if (first.kind === "resident" && target) walkUpTo(ctx, first, target);
  return conv;
}

/** Records a line, tells the room, and ends the conversation at the line limit. */
export function addLine(ctx: TownContext, conv: Conversation, side: 0 | 1, text: string, factIds: string[]): void {
  const now = ctx.clock.nowMs;
  const line = ctx.conversations.record(conv, side, text, factIds, now);
  const tile = tileOf(ctx, line.speaker) ?? { x: 0, y: 0 };
  ctx.emit({ conversationId: conv.id, speakerId: line.speaker.id, speakerName: line.speakerName, text, gameTimeMs: now, x: tile.x, y: tile.y });
  if (conv.lines.length >= MAX_LINES) endConversation(ctx, conv);
}

/** A line typed by a player in their conversation. */
export function playerLine(ctx: TownContext, conv: Conversation, player: PlayerId, text: string): void {
  const side = sideOf(conv, { kind: "player", id: player });
  if (!conv.ended && side >= 0) addLine(ctx, conv, side as 0 | 1, text, []);
}

/** One step of every conversation: a resident whose turn it is asks for its line; a silent player leaves. */
export function stepConversations(ctx: TownContext): void {
  const now = ctx.clock.nowMs;
  for (const conv of ctx.conversations.ongoing()) {
    const speaker = conv.sides[conv.next];
    if (speaker.kind === "player") {
      const last = conv.lines[conv.lines.length - 1]?.gameTimeMs ?? conv.startedMs;
      if (now - last > PLAYER_SILENCE_MS || !ctx.players.has(speaker.id)) endConversation(ctx, conv);
      continue;
    }
    const request = { kind: "line", conversation: conv.id, speaker: speaker.id } as const;
    if (!ctx.jobs.busy(channelOf(request))) ctx.jobs.start(request, ctx.orderOf(speaker.id));
  }
}

/** Ends a conversation: both sides are free again; each resident keeps its cooldown, plan and memories. */
export function endConversation(ctx: TownContext, conv: Conversation): void {
  if (conv.ended) return;
  const now = ctx.clock.nowMs;
  ctx.conversations.close(conv, now);
  ctx.jobs.cancel(lineChannel(conv.id));
  for (const [self, other] of [[conv.sides[0], conv.sides[1]], [conv.sides[1], conv.sides[0]]] as const) {
    if (self.kind === "player") {
      const p = ctx.players.get(self.id);
      if (p?.conversationId === conv.id) p.conversationId = null;
      continue;
    }
    const r = ctx.resident(self.id)!;
    r.conversationId = null;
    r.lastChatEndMs = now;
    setChatCooldown(r.scratch, other.id, now + CHAT_COOLDOWN_MS, now);
    if (r.action) r.action.endMs = now;
    const from = minuteOfDay(conv.startedMs);
    if (r.day) insertIntoPlan(r.day, from, Math.max(from + 1, minuteOfDay(now)), `chat with ${nameOf(ctx, other)}`);
    if (conv.lines.length > 0) ctx.jobs.start({ kind: "recall", resident: r.id, conversation: conv.id }, ctx.orderOf(r.id));
  }
}

/** Where a conversation is, as people say it ("Hobbs Cafe: cafe"). */
export function placeOf(ctx: TownContext, tile: Tile): string {
  return placeLabel(ctx.maze.addressAt(tile.x, tile.y));
}

function walkUpTo(ctx: TownContext, who: PersonRef & { kind: "resident" }, target: Tile): void {
  const r = ctx.resident(who.id)!;
  const goals = [
    { x: target.x + 1, y: target.y },
    { x: target.x - 1, y: target.y },
    { x: target.x, y: target.y + 1 },
    { x: target.x, y: target.y - 1 },
  ];
  const result = findPath(ctx.maze, r.tile, goals);
  r.path = result.ok ? result.path : [];
}
