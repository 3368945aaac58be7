/**
 * The town's conversations: starting them (resident with resident, or with a human
 * player), running one line per step off the tick, ending them, and handing each
 * resident what it keeps. Transcripts are also kept in the town's conversation log.
 */
import type { ChatLine } from "../../shared/protocol";
import type { Mind } from "../mind/mind";
import { insertIntoPlan } from "../agents/plan";
import { CHAT_COOLDOWN_MS } from "../agents/react";
import { factsOf, idOf, MAX_LINES, nameOf, nextLine, rememberConversation, type Conversation, type Speaker } from "../agents/converse";
import { setChatCooldown } from "../agents/memory/scratch";
import { planKey, type Resident } from "../agents/resident";
import { placeLabel, type Tile } from "./address";
import { minuteOfDay, MS_PER_MINUTE } from "./clock";
import type { JobQueue } from "./jobs";
import type { Maze } from "./maze";
import { findPath } from "./pathfinding";

/** A player who says nothing for this long (game time) has left the conversation. */
const PLAYER_SILENCE_MS = 5 * MS_PER_MINUTE;
const DAY_MS = 86_400_000;

export interface ConversationHost {
  readonly maze: Maze;
  readonly mind: Mind;
  readonly jobs: JobQueue;
  nowMs(): number;
  indexOf(r: Resident): number;
  tileOf(s: Speaker): Tile;
  emit(line: ChatLine): void;
}

export class Conversations {
  private readonly active = new Map<string, Conversation>();
  /** Every conversation of the run, finished or not, in start order. */
  readonly log: Conversation[] = [];
  private seq = 0;

  constructor(private readonly host: ConversationHost) {}

  get(id: string): Conversation | undefined {
    return this.active.get(id);
  }

  /** Starts a conversation; the first side speaks first. Residents stop what they do. */
  start(first: Speaker, second: Speaker): Conversation {
    const now = this.host.nowMs();
    const conv: Conversation = { id: `c${++this.seq}`, sides: [first, second], lines: [], startedMs: now, next: 0, ended: false };
    this.active.set(conv.id, conv);
    this.log.push(conv);
    for (const [self, other] of [[first, second], [second, first]] as const) {
      if (self.kind !== "resident") continue;
      const r = self.resident;
      r.conversationId = conv.id;
      this.host.jobs.cancel(planKey(r));
      r.path = [];
      r.interrupted = r.action;
      r.action = {
        description: `chatting with ${nameOf(other)}`,
        emoji: "💬",
        address: this.host.maze.addressAt(r.tile.x, r.tile.y) ?? { world: this.host.maze.world },
        blockTask: r.action?.blockTask ?? "",
        startMs: now,
        endMs: now + DAY_MS,
        event: [r.name, "is chatting with", nameOf(other)],
        objectState: "",
      };
    }
    // The one who starts walks up to the other.
    if (first.kind === "resident") this.walkUpTo(first.resident, this.host.tileOf(second));
    return conv;
  }

  /** A line typed by a player in a conversation with a resident. */
  playerSays(conv: Conversation, playerName: string, text: string): void {
    if (conv.ended) return;
    this.addLine(conv, conv.sides.findIndex((s) => nameOf(s) === playerName), text, []);
  }

  /** One step: each conversation whose speaker is a resident asks for its next line. */
  step(): void {
    const now = this.host.nowMs();
    for (const conv of this.active.values()) {
      const speaker = conv.sides[conv.next];
      const partner = conv.sides[1 - conv.next];
      if (speaker.kind === "player") {
        const last = conv.lines[conv.lines.length - 1]?.gameTimeMs ?? conv.startedMs;
        if (now - last > PLAYER_SILENCE_MS) this.end(conv);
        continue;
      }
      const key = `${conv.id}:turn`;
      if (this.host.jobs.busy(key)) continue;
      const r = speaker.resident;
      const place = placeLabel(this.host.maze.addressAt(r.tile.x, r.tile.y));
      this.host.jobs.start(
        key,
        this.host.indexOf(r),
        async () => {
          const line = await nextLine(this.host.mind, conv, r, partner, place, now, minuteOfDay(now));
          return () => {
            if (conv.ended) return;
            this.addLine(conv, conv.next, line.text, factsOf(r, line.cites));
            // addLine itself ends a conversation that reaches MAX_LINES.
            if (line.end) this.end(conv);
          };
        },
        () => () => this.end(conv),
      );
    }
  }

  private addLine(conv: Conversation, sideIndex: number, text: string, factIds: string[]): void {
    if (sideIndex < 0) return;
    const side = conv.sides[sideIndex];
    const now = this.host.nowMs();
    conv.lines.push({ speaker: nameOf(side), text, factIds, gameTimeMs: now });
    conv.next = sideIndex === 0 ? 1 : 0;
    const tile = this.host.tileOf(side);
    this.host.emit({ conversationId: conv.id, speakerId: idOf(side), speakerName: nameOf(side), text, gameTimeMs: now, x: tile.x, y: tile.y });
    if (conv.lines.length >= MAX_LINES) this.end(conv);
  }

  /** Ends a conversation: cooldowns, the plan re-cut around it, and memories for each resident. */
  end(conv: Conversation): void {
    if (conv.ended) return;
    const now = this.host.nowMs();
    conv.ended = true;
    conv.endedMs = now;
    this.active.delete(conv.id);
    this.host.jobs.cancel(`${conv.id}:turn`);
    for (const [self, other] of [[conv.sides[0], conv.sides[1]], [conv.sides[1], conv.sides[0]]] as const) {
      if (self.kind !== "resident") continue;
      const r = self.resident;
      r.conversationId = "";
      r.lastChatEndMs = now;
      setChatCooldown(r.scratch, nameOf(other), now + CHAT_COOLDOWN_MS);
      if (r.action) r.action.endMs = now;
      if (r.day) insertIntoPlan(r.day, minuteOfDay(conv.startedMs), Math.max(minuteOfDay(conv.startedMs) + 1, minuteOfDay(now)), `chat with ${nameOf(other)}`);
      if (conv.lines.length === 0) continue;
      this.host.jobs.start(
        `${r.id}:chat:${conv.id}`,
        this.host.indexOf(r),
        async () => {
          const memories = await rememberConversation(this.host.mind, conv, r, other, now);
          return () => {
            for (const m of memories) r.remember(m);
            conv.summary ??= memories[0]?.description;
          };
        },
        () => () => undefined,
      );
    }
  }

  private walkUpTo(r: Resident, target: Tile): void {
    const goals = [
      { x: target.x + 1, y: target.y },
      { x: target.x - 1, y: target.y },
      { x: target.x, y: target.y + 1 },
      { x: target.x, y: target.y - 1 },
    ];
    const result = findPath(this.host.maze, r.tile, goals);
    r.path = result.ok ? result.path : [];
  }
}
