/**
 * Applies the minds' answers to the town, at a step boundary and in a fixed order (the
 * job queue sorts them). Each change is checked against the town as it is now: an
 * answer about a conversation that has ended, or a talk with someone who walked off,
 * changes nothing.
 */
import { samePerson } from "../sim/ids";
import type { TownContext } from "./context";
import { isPresent, residentsOnly } from "../sim/conversations";
import { endConversation, residentLine, startConversation } from "./converse";
import { startAction } from "./execute";
import { setChatCooldown } from "./memory/scratch";
import { canTalk, canTalkWithPlayer, RECONSIDER_MS } from "./react";
import type { Change } from "./requests";
import type { Resident } from "./resident";

export function applyChange(ctx: TownContext, change: Change): void {
  if (change.kind === "line" || change.kind === "endConversation") return applyToConversation(ctx, change);
  const r = ctx.resident(change.resident);
  if (!r) return;
  switch (change.kind) {
    case "remember":
      for (const m of change.memories) r.remember(m);
      for (const t of change.triples) r.remembering.delete(t);
      return;
    case "forget":
      for (const t of change.triples) r.remembering.delete(t);
      return;
    case "plant":
      r.remember(change.memory);
      return;
    case "talk":
      return maybeStartTalking(ctx, r, change);
    case "reflect":
      r.memory.markAccessed(change.accessed, change.atMs);
      for (const m of change.insights) r.remember(m);
      // A reflection that drew no insight is not counted as one.
      if (change.insights.length > 0) r.reflections++;
      return;
    case "plan":
      r.memory.markAccessed(change.accessed, change.atMs);
      if (change.newDay) {
        if (change.newDay.currently !== undefined) r.persona.currently = change.newDay.currently;
        if (change.newDay.thought) r.remember(change.newDay.thought);
        r.day = change.newDay.plan;
        r.dayLog.push(r.day);
      }
      if (change.decomposition && r.day) r.day.decomposed.set(change.decomposition.index, change.decomposition.blocks);
      startAction(ctx, r, change.action);
      return;
    case "recall": {
      for (const m of change.memories) r.remember(m);
      const conv = ctx.conversations.log.find((c) => c.id === change.conversation);
      if (conv) conv.summary ??= change.memories[0]?.description;
      return;
    }
  }
}

function applyToConversation(ctx: TownContext, change: Extract<Change, { kind: "line" | "endConversation" }>): void {
  const conv = ctx.conversations.get(change.conversation);
  if (!conv) return;
  if (change.kind === "endConversation") return endConversation(ctx, conv);
  const r = ctx.resident(change.speaker);
  if (!r) return;
  r.memory.markAccessed(change.accessed, change.atMs);
  // A written exchange goes on only through its own lines, and only among residents.
  delete conv.script;
  // The one addressed walked off while the line was being written: it goes unsaid.
  if (!isPresent(conv, change.to)) return;
  conv.turns = conv.turns.filter((t) => !(t.speaker === change.speaker && t.to.id === change.to.id));
  residentLine(ctx, conv, r, change.to, change.text, change.end, change.factIds, change.draftId);
  if (!conv.ended && change.script && change.script.length > 0 && residentsOnly(conv)) conv.script = change.script;
}

/** A yes starts the conversation if both are still free to talk. */
function maybeStartTalking(ctx: TownContext, r: Resident, change: Extract<Change, { kind: "talk" }>): void {
  const now = ctx.clock.nowMs;
  // A person who stays near is asked about again, but not at every step.
  if (!change.yes && change.partner.kind === "player") setChatCooldown(r.scratch, change.partner.id, now + RECONSIDER_MS, now);
  if (!change.yes) return;
  const self = { kind: "resident" as const, id: r.id };
  if (change.partner.kind === "resident") {
    const other = ctx.resident(change.partner.id);
    if (!other || samePerson(self, change.partner) || !canTalk(r, other, now)) return;
  } else {
    const player = ctx.players.get(change.partner.id);
    if (!player || !canTalkWithPlayer(r, player, now)) return;
  }
  startConversation(ctx, self, change.partner);
}
