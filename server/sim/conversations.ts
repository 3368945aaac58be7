/**
 * The conversation registry: who is talking with whom, and every line said, as plain
 * data. A conversation holds two or more people; each line says whom it was addressed to.
 * The rules of conversing (who may join, who answers, when it ends, what each resident
 * keeps) live with the agents (server/agents/converse.ts); this only records.
 */
import { conversationId, samePerson, type ConversationId, type PersonRef, type ResidentId } from "./ids";

export interface LineRecord {
  speaker: PersonRef;
  /** Display name at the time the line was said. */
  speakerName: string;
  /** Whom the line was said to; null for the whole group. */
  to: PersonRef | null;
  text: string;
  /** Planted facts this line passes on (from the speaker's cited memories). */
  factIds: string[];
  gameTimeMs: number;
}

export interface Member {
  who: PersonRef;
  /** Display name when they joined. */
  name: string;
  joinedMs: number;
  /** Set when they left (walked off, said goodbye, went silent); the conversation may go on. */
  leftMs?: number;
}

/** A resident due to speak, and to whom. */
export interface Turn {
  speaker: ResidentId;
  to: PersonRef;
}

/** A line written ahead (two residents' whole exchange asked at once), said when its turn comes. */
export interface ScriptedLine {
  speaker: ResidentId;
  to: PersonRef;
  text: string;
  /** The exchange's last line ends it. */
  end: boolean;
  factIds: string[];
  /** Memories the speaker read for it, marked accessed when it is said. */
  accessed: string[];
}

export interface Conversation {
  id: ConversationId;
  /** Everyone who took part, in the order they joined. */
  members: Member[];
  lines: LineRecord[];
  startedMs: number;
  /** Residents due to speak, first first. */
  turns: Turn[];
  /** People who said goodbye: they leave once answered. */
  leaving: PersonRef[];
  ended: boolean;
  endedMs?: number;
  summary?: string;
  /** Lines still to be said of a written exchange, while only residents take part. */
  script?: ScriptedLine[];
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

  /** Any conversation of the run, ended or not. */
  find(id: ConversationId | string): Conversation | undefined {
    return this.active.get(id as ConversationId) ?? this.log.find((c) => c.id === id);
  }

  /** Conversations in progress, in start order. */
  ongoing(): Conversation[] {
    return [...this.active.values()];
  }

  open(people: { who: PersonRef; name: string }[], nowMs: number): Conversation {
    const members = people.map((p) => ({ who: p.who, name: p.name, joinedMs: nowMs }));
    const conv: Conversation = { id: conversationId(++this.seq), members, lines: [], startedMs: nowMs, turns: [], leaving: [], ended: false };
    this.active.set(conv.id, conv);
    this.log.push(conv);
    return conv;
  }

  /** Adds a person (or brings back one who had left). */
  join(conv: Conversation, who: PersonRef, name: string, nowMs: number): void {
    const m = memberOf(conv, who);
    if (m) {
      delete m.leftMs;
      return;
    }
    conv.members.push({ who, name, joinedMs: nowMs });
  }

  /** Marks a person as gone and drops the turns to or from them. */
  leave(conv: Conversation, who: PersonRef, nowMs: number): void {
    const m = memberOf(conv, who);
    if (m && m.leftMs === undefined) m.leftMs = nowMs;
    conv.turns = conv.turns.filter((t) => t.speaker !== who.id && !samePerson(t.to, who));
    conv.leaving = conv.leaving.filter((l) => !samePerson(l, who));
  }

  record(conv: Conversation, speaker: PersonRef, to: PersonRef | null, text: string, factIds: string[], nowMs: number): LineRecord {
    const speakerName = memberOf(conv, speaker)?.name ?? "someone";
    const line: LineRecord = { speaker, speakerName, to, text, factIds, gameTimeMs: nowMs };
    conv.lines.push(line);
    return line;
  }

  close(conv: Conversation, nowMs: number): void {
    conv.ended = true;
    conv.endedMs = nowMs;
    conv.turns = [];
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

export function memberOf(conv: Conversation, who: PersonRef): Member | undefined {
  return conv.members.find((m) => samePerson(m.who, who));
}

/** Members who have not left. */
export function present(conv: Conversation): Member[] {
  return conv.members.filter((m) => m.leftMs === undefined);
}

export function isPresent(conv: Conversation, who: PersonRef): boolean {
  const m = memberOf(conv, who);
  return m !== undefined && m.leftMs === undefined;
}

/** Everyone who took part, but `who`. */
export function othersThan(conv: Conversation, who: PersonRef): Member[] {
  return conv.members.filter((m) => !samePerson(m.who, who));
}

/** True when only residents took part (two residents talking among themselves). */
export function residentsOnly(conv: Conversation): boolean {
  return conv.members.every((m) => m.who.kind === "resident");
}
