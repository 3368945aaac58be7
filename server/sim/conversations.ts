/**
 * The conversation registry: who is talking with whom, and every line said, as plain
 * data. The rules of conversing (who may start, what is said, what each resident keeps)
 * live with the agents (server/agents/converse.ts); this only records.
 */
import { conversationId, samePerson, type ConversationId, type PersonRef } from "./ids";

export interface LineRecord {
  speaker: PersonRef;
  /** Display name at the time the line was said. */
  speakerName: string;
  text: string;
  /** Planted facts this line passes on (from the speaker's cited memories). */
  factIds: string[];
  gameTimeMs: number;
}

export interface Conversation {
  id: ConversationId;
  sides: [PersonRef, PersonRef];
  /** Display names of the sides when it started. */
  names: [string, string];
  lines: LineRecord[];
  startedMs: number;
  /** Index in `sides` of who speaks next. */
  next: 0 | 1;
  ended: boolean;
  endedMs?: number;
  summary?: string;
}

export type ConversationsJson = { seq: number; log: Conversation[] };

export class Conversations {
  private readonly active = new Map<ConversationId, Conversation>();
  /** Every conversation of the run, finished or not, in start order. */
  readonly log: Conversation[] = [];
  private seq = 0;

  get(id: ConversationId | string): Conversation | undefined {
    return this.active.get(id as ConversationId);
  }

  /** Conversations in progress, in start order. */
  ongoing(): Conversation[] {
    return [...this.active.values()];
  }

  open(sides: [PersonRef, PersonRef], names: [string, string], nowMs: number): Conversation {
    const conv: Conversation = { id: conversationId(++this.seq), sides, names, lines: [], startedMs: nowMs, next: 0, ended: false };
    this.active.set(conv.id, conv);
    this.log.push(conv);
    return conv;
  }

  /** Records a line and passes the turn to the other side. */
  record(conv: Conversation, sideIndex: 0 | 1, text: string, factIds: string[], nowMs: number): LineRecord {
    const line: LineRecord = { speaker: conv.sides[sideIndex], speakerName: conv.names[sideIndex], text, factIds, gameTimeMs: nowMs };
    conv.lines.push(line);
    conv.next = sideIndex === 0 ? 1 : 0;
    return line;
  }

  close(conv: Conversation, nowMs: number): void {
    conv.ended = true;
    conv.endedMs = nowMs;
    this.active.delete(conv.id);
  }

  toJSON(): ConversationsJson {
    return structuredClone({ seq: this.seq, log: this.log });
  }

  load(data: ConversationsJson): void {
    this.active.clear();
    this.log.length = 0;
    this.seq = data.seq;
    for (const c of structuredClone(data.log)) {
      this.log.push(c);
      if (!c.ended) this.active.set(c.id, c);
    }
  }
}

/** The index of a person among a conversation's sides, or -1. */
export function sideOf(conv: Conversation, who: PersonRef): -1 | 0 | 1 {
  return samePerson(conv.sides[0], who) ? 0 : samePerson(conv.sides[1], who) ? 1 : -1;
}
