/**
 * What a person's words do in town. To a resident (named by id, named in the text, or a
 * free one right beside them): a line in a conversation with it, joining the resident's
 * or starting one, which the resident answers. To a person: a line for them, in the
 * conversation they share or in the open. Otherwise open speech near the speaker, or the
 * town-wide channel, which only people hear. A resident's reply to a person goes ahead of
 * residents' background questions (`personFirst`).
 */
import { ErrorCode } from "../../shared/constants";
import type { ChatMessage, SayChannel } from "../../shared/protocol";
import { addresseeIn, EARSHOT_TILES, joinConversation, leaveConversation, playerLine, startConversation } from "../agents/converse";
import type { Resident } from "../agents/resident";
import { manhattan } from "../sim/address";
import { isPresent, type Conversation } from "../sim/conversations";
import type { PersonRef, PlayerId } from "../sim/ids";
import type { Player, Refusal } from "../sim/players";
import type { Town } from "./town";
import type { Change, Request } from "../agents/requests";
import type { JobRunner } from "../sim/jobs";
import { forPerson } from "../mind/lanes";

/** A person this close to a free resident who speaks without naming anyone is talking to it. */
export const TALK_TILES = 2;

/** What `say` did, or why it did nothing. */
export type SayResult = { ok: true; line: ChatMessage } | Refusal;

export function personSays(town: Town, p: Player, text: string, to: string | undefined, channel: SayChannel): SayResult {
  if (channel === "town") return { ok: true, line: openLine(town, p, text, null, "town") };
  const conv = p.conversationId ? town.conversations.get(p.conversationId) : undefined;
  if (to !== undefined && town.players.has(to as PlayerId)) {
    const other: PersonRef = { kind: "player", id: to as PlayerId };
    if (conv && isPresent(conv, other)) return lineIn(town, conv, p, text, other);
    return { ok: true, line: openLine(town, p, text, other, "near") };
  }
  if (to !== undefined) {
    const r = town.resident(to);
    if (!r) return { ok: false, code: ErrorCode.NotFound, message: `nobody with id "${to.slice(0, 40)}" is in town` };
    return speakTo(town, p, r, text, conv);
  }
  if (conv) {
    const addressee = addresseeIn(town, conv, p.id, text);
    if (addressee) return lineIn(town, conv, p, text, addressee);
  }
  const listener = listenerFor(town, p, text);
  if (listener) return speakTo(town, p, listener, text, conv);
  return { ok: true, line: openLine(town, p, text, null, "near") };
}

/** A person speaks to a resident: in their conversation, joining the resident's, or starting one. */
function speakTo(town: Town, p: Player, r: Resident, text: string, conv: Conversation | undefined): SayResult {
  const self: PersonRef = { kind: "player", id: p.id };
  const them: PersonRef = { kind: "resident", id: r.id };
  if (conv && isPresent(conv, them)) return lineIn(town, conv, p, text, them);
  const distance = manhattan(r.tile, p.tile);
  if (distance > EARSHOT_TILES) return { ok: false, code: ErrorCode.OutOfEarshot, message: `${r.persona.firstName} is ${distance} tiles away and cannot hear you; walk closer (${EARSHOT_TILES} tiles or less)` };
  if (r.isAsleep) return { ok: false, code: ErrorCode.Busy, message: `${r.persona.firstName} is asleep` };
  if (conv) leaveConversation(town, conv, self);
  const theirs = r.conversationId ? town.conversations.get(r.conversationId) : undefined;
  let target: Conversation;
  if (theirs) {
    joinConversation(town, theirs, self, them);
    target = theirs;
  } else {
    target = startConversation(town, self, them);
  }
  return lineIn(town, target, p, text, them);
}

function lineIn(town: Town, conv: Conversation, p: Player, text: string, to: PersonRef): SayResult {
  playerLine(town, conv, p.id, text, to);
  return { ok: true, line: town.lastLine()! };
}

function openLine(town: Town, p: Player, text: string, to: PersonRef | null, channel: "near" | "town"): ChatMessage {
  return town.emit({
    conversationId: "",
    channel,
    from: p.id,
    fromName: p.name,
    to: to?.id ?? null,
    toName: to ? town.nameOf(to.id) : null,
    participants: [],
    participantNames: [],
    text,
    gameTimeMs: town.clock.nowMs,
    x: p.tile.x,
    y: p.tile.y,
  });
}

/** The resident a person's words are for: one named in the text within earshot, else a free one right beside them. */
function listenerFor(town: Town, p: Player, text: string): Resident | undefined {
  const lower = text.toLowerCase();
  const near = town.residents
    .filter((r) => manhattan(r.tile, p.tile) <= EARSHOT_TILES && !r.isAsleep)
    .sort((a, b) => manhattan(a.tile, p.tile) - manhattan(b.tile, p.tile));
  const named = near.find((r) => new RegExp(`\\b${escapeRegExp(r.persona.firstName.toLowerCase())}\\b`).test(lower));
  return named ?? near.find((r) => manhattan(r.tile, p.tile) <= TALK_TILES && !r.conversationId);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A resident's line in a conversation a person takes part in runs in the person lane (server/mind/lanes.ts). */
export function personFirst(town: Town, runner: JobRunner<Request, Change>): JobRunner<Request, Change> {
  return {
    ...runner,
    run: (request) => {
      if (request.kind !== "line") return runner.run(request);
      const conv = town.conversations.get(request.conversation);
      const withPerson = conv?.members.some((m) => m.who.kind === "player" && m.leftMs === undefined);
      return withPerson ? forPerson(() => runner.run(request)) : runner.run(request);
    },
  };
}
