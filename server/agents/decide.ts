/**
 * Runs a request: reads what it needs from the town at once (a frozen view of the
 * resident, the partner's name and action, the place), then asks the mind. Nothing here
 * writes live state; the answer is a Change for `applyChange`.
 */
import { dayNumber, minuteOfDay } from "../sim/clock";
import type { JobRunner } from "../sim/jobs";
import { nameOf, type TownContext } from "./context";
import { PLAYER_ACTIVITY } from "../sim/players";
import { nextLine, recallConversation, scriptedLine, scriptedLines } from "./converse-mind";
import { placeOf } from "./converse";
import { memberOf, present, residentsOnly } from "../sim/conversations";
import { samePerson } from "../sim/ids";
import { withFrozen as frozenView, type FrozenResident } from "./frozen";
import { scoreEvents } from "./perceive";
import { decidePlan } from "./plan";
import { decideToTalk, partnerOf } from "./react";
import { reflect } from "./reflect";
import { channelOf, type Change, type Request } from "./requests";
import { tripleKey } from "./memory/memory-stream";
import type { Resident } from "./resident";
import { decideUnplanned } from "./ablation";
import { lagOf, NO_OVERLAP, type Overlap } from "./overlap";

export function decisionRunner(ctx: TownContext, log: (message: string) => void, overlap: Overlap = NO_OVERLAP): JobRunner<Request, Change> {
  return { channel: channelOf, kind: (req) => req.kind, run: (req) => run(ctx, req), giveUp, log, lag: (req) => lagOf(overlap, req) };
}

function run(ctx: TownContext, req: Request): Promise<Change> {
  const mind = ctx.mind;
  const now = ctx.clock.nowMs;
  // The "memory" ablation: every decision is taken as if nothing were remembered.
  const withFrozen = <T>(who: Resident, ask: (view: FrozenResident) => Promise<T>) => frozenView(who, ask, ctx.ablate === "memory");
  if (req.kind === "line") {
    const conv = ctx.conversations.get(req.conversation);
    const self = ctx.resident(req.speaker);
    if (!conv || !self) return Promise.resolve({ kind: "endConversation", conversation: req.conversation });
    const to = req.to;
    // The next line of a written exchange is said as written, when it is this turn's.
    const written = conv.script?.[0];
    if (written && residentsOnly(conv) && written.speaker === self.id && samePerson(written.to, to)) return Promise.resolve(scriptedLine(conv, now)!);
    // What the partner was doing before they stopped to talk.
    const action = to.kind === "resident" ? ctx.resident(to.id)?.interrupted?.description ?? "" : PLAYER_ACTIVITY;
    const partner = { ref: to, name: memberOf(conv, to)?.name ?? nameOf(ctx, to), action };
    const others = present(conv).filter((m) => m.who.id !== self.id && m.who.id !== to.id).map((m) => m.name);
    // The transcript as it is now: later lines must not leak into this answer.
    const at = { conversation: structuredClone(conv), partner, others, place: placeOf(ctx, self.tile), nowMs: now, nowMinute: minuteOfDay(now) };
    const draftId = `${conv.id}-${conv.lines.length}-${self.id}`;
    const stream = (text: string) => ctx.emitDelta({ draftId, conversationId: conv.id, from: self.id, fromName: self.name, to: to.id, text });
    // Two residents alone, before a word is said: the whole exchange in one question, if the mind can.
    const other = to.kind === "resident" ? ctx.resident(to.id) : undefined;
    if (mind.wholeConversation && other && conv.lines.length === 0 && residentsOnly(conv) && present(conv).length === 2) {
      return withFrozen(self, (view) => withFrozen(other, async (otherView) => (await scriptedLines(mind, view, otherView, at)) ?? nextLine(mind, view, at, stream, draftId)));
    }
    return withFrozen(self, (view) => nextLine(mind, view, at, stream, draftId));
  }
  const r = ctx.resident(req.resident);
  if (!r) return Promise.reject(new Error(`${req.kind}: no resident ${req.resident}`));
  switch (req.kind) {
    case "remember":
      return withFrozen(r, async (view) => ({ kind: "remember", resident: r.id, memories: await scoreEvents(mind, view.persona, req.events, now), triples: req.events.map(tripleKey) }));
    case "plant":
      return withFrozen(r, async (view) => {
        const [embedding] = await mind.embed([req.text]);
        const poignancy = await mind.poignancy({ persona: view.persona, kind: "thought", description: req.text });
        const source = { ...(req.factId !== undefined && { factId: req.factId }), toldBy: "" };
        return { kind: "plant", resident: r.id, memory: { kind: "thought", createdMs: req.atMs, subject: r.id, predicate: "knows", object: req.text, description: req.text, poignancy, embedding, keywords: [r.id, ...req.keywords], source } };
      });
    case "talk": {
      const partner = partnerOf(req.partner, req.partner.kind === "resident" ? ctx.resident(req.partner.id) : undefined, req.partner.kind === "player" ? ctx.players.get(req.partner.id) : undefined);
      if (!partner) return Promise.resolve({ kind: "talk", resident: r.id, partner: req.partner, yes: false });
      return withFrozen(r, async (view) => ({ kind: "talk", resident: r.id, partner: req.partner, yes: await decideToTalk(mind, view, partner, now) }));
    }
    case "reflect":
      return withFrozen(r, (view) => reflect(mind, view, now));
    case "plan": {
      const day = dayNumber(now);
      const at = {
        world: ctx.maze.world,
        known: r.knownPlaces(ctx.maze.world),
        currentSector: ctx.maze.addressAt(r.tile.x, r.tile.y)?.sector ?? null,
        nowMs: now,
        dayIndex: day - dayNumber(ctx.clock.startMs),
        needsDay: !r.day || dayNumber(r.day.dayStartMs) !== day,
      };
      return withFrozen(r, (view) => (ctx.ablate === "planning" ? decideUnplanned(mind, view, at) : decidePlan(mind, view, at)));
    }
    case "recall": {
      const conv = ctx.conversations.find(req.conversation);
      if (!conv) return Promise.reject(new Error(`recall: no conversation ${req.conversation}`));
      const partners = conv.members.filter((m) => m.who.id !== r.id).map((m) => ({ ref: m.who, name: m.name }));
      const frozenConv = structuredClone(conv);
      return withFrozen(r, async (view) => ({ kind: "recall", resident: r.id, conversation: conv.id, memories: await recallConversation(mind, view, frozenConv, partners, now) }));
    }
  }
}

/** After the last failed attempt: a conversation ends, events may be seen again; nothing else. */
function giveUp(req: Request): Change | null {
  if (req.kind === "line") return { kind: "endConversation", conversation: req.conversation };
  if (req.kind === "remember") return { kind: "forget", resident: req.resident, triples: req.events.map(tripleKey) };
  return null;
}
