/**
 * The thinking part of conversing, off the tick on frozen views: the speaker's next line
 * (retrieval about the partner and the last line, then the mind), and what a resident
 * keeps of a finished conversation: a summary, a planning thought, a memo, and any news
 * it was told, with its provenance (who told it, which planted fact it carries).
 */
import type { Conversation, ScriptedLine } from "../sim/conversations";
import type { PersonRef } from "../sim/ids";
import type { ChatTurn, LineStream, Mind, MemoryRef } from "../mind/mind";
import type { NewMemory } from "./memory/memory-stream";
import { retrieve, type ScoredNode } from "./memory/retrieve";
import type { FrozenResident } from "./frozen";
import { MS_PER_DAY } from "../sim/clock";
import { memoryRef } from "./reflect";
import type { Change } from "./requests";
import { MAX_LINES } from "./converse";

const MEMORIES_PER_TURN = 15;

/** What a line needs to know of the talk, taken when the job starts. */
export interface TurnSituation {
  conversation: Conversation;
  /** The one this line is said to. */
  partner: { ref: PersonRef; name: string; action: string };
  /** Others present in a group conversation. */
  others: string[];
  place: string;
  nowMs: number;
  nowMinute: number;
}

export function transcriptOf(conv: Conversation): ChatTurn[] {
  return conv.lines.map((l) => ({ speaker: l.speakerName, text: l.text }));
}

/** The speaker's next line, the planted facts it passes on, and the memories it read. */
export async function nextLine(mind: Mind, self: FrozenResident, at: TurnSituation, stream?: LineStream, draftId?: string): Promise<Extract<Change, { kind: "line" }>> {
  const conv = at.conversation;
  const { memories, accessed } = await recallAbout(mind, self, at.partner, conv.lines[conv.lines.length - 1]?.text, at.nowMs);
  // What this resident last talked about with this person (an earlier visit, another day).
  const lastChat = self.memory.lastChatWith(at.partner.ref.id)?.description;
  let streamed = false;
  const onText = stream && ((text: string) => {
    streamed = true;
    stream(text);
  });
  const answer = await mind.nextUtterance(
    {
      persona: self.persona,
      partner: at.partner.name,
      place: at.place,
      action: self.interrupted?.description ?? "",
      partnerAction: at.partner.action,
      memories,
      transcript: transcriptOf(conv),
      nowMinute: at.nowMinute,
      ...(lastChat !== undefined && { lastChat }),
      ...(at.others.length > 0 && { others: at.others }),
    },
    onText,
  );
  return {
    kind: "line",
    conversation: conv.id,
    speaker: self.id,
    to: at.partner.ref,
    text: answer.text,
    end: answer.end,
    factIds: factsCited(self, answer.cites, memories),
    accessed,
    atMs: at.nowMs,
    ...(draftId !== undefined && (streamed as boolean) ? { draftId } : {}),
  };
}

/**
 * Two residents' whole exchange in one question (the mind's `wholeConversation`), each
 * side with the memories it would read for its first line. The first line is the
 * answer; the rest ride along as the conversation's script, said one per turn. Null
 * when the mind cannot or did not write one: the caller asks line by line.
 */
export async function scriptedLines(mind: Mind, self: FrozenResident, other: FrozenResident, at: TurnSituation): Promise<Extract<Change, { kind: "line" }> | null> {
  if (!mind.wholeConversation) return null;
  const conv = at.conversation;
  const sides = [
    { view: self, ref: { kind: "resident" as const, id: self.id }, partner: at.partner },
    { view: other, ref: at.partner.ref, partner: { ref: { kind: "resident" as const, id: self.id }, name: self.name, action: self.interrupted?.description ?? "" } },
  ];
  const read: Array<{ memories: MemoryRef[]; accessed: string[] }> = [];
  for (const s of sides) read.push(await recallAbout(mind, s.view, s.partner, undefined, at.nowMs));
  const sideInput = (i: number) => {
    const lastChat = sides[i].view.memory.lastChatWith(sides[i].partner.ref.id)?.description;
    return { persona: sides[i].view.persona, action: sides[i].view.interrupted?.description ?? "", memories: read[i].memories, ...(lastChat !== undefined && { lastChat }) };
  };
  const script = await mind.wholeConversation({ first: sideInput(0), second: sideInput(1), place: at.place, nowMinute: at.nowMinute, maxLines: MAX_LINES });
  if (!script || script.length === 0) return null;
  const lines: ScriptedLine[] = script.slice(0, MAX_LINES).map((l, n) => {
    const side = sides[l.side];
    return {
      speaker: side.view.id,
      to: side.partner.ref,
      text: l.text,
      end: n === Math.min(script.length, MAX_LINES) - 1,
      factIds: factsCited(side.view, l.cites, read[l.side].memories),
      // Each side read its memories once, for the whole exchange: marked with its first line.
      accessed: n === script.findIndex((x) => x.side === l.side) ? read[l.side].accessed : [],
    };
  });
  const [first, ...rest] = lines;
  return { kind: "line", conversation: conv.id, speaker: self.id, to: at.partner.ref, text: first.text, end: first.end, factIds: first.factIds, accessed: first.accessed, atMs: at.nowMs, script: rest };
}

/** The next line of a conversation's script, said now: no question asked. */
export function scriptedLine(conv: Conversation, nowMs: number): Extract<Change, { kind: "line" }> | null {
  const [line, ...rest] = conv.script ?? [];
  if (!line) return null;
  return { kind: "line", conversation: conv.id, speaker: line.speaker, to: line.to, text: line.text, end: line.end, factIds: line.factIds, accessed: line.accessed, atMs: nowMs, script: rest };
}

/** Retrieval about the partner (and the last line said), plus earlier talks with them. */
async function recallAbout(mind: Mind, self: FrozenResident, partner: TurnSituation["partner"], last: string | undefined, nowMs: number): Promise<{ memories: MemoryRef[]; accessed: string[] }> {
  const focal = [partner.name, ...(last ? [last] : [])];
  const embeddings = await mind.embed(focal);
  const scored = retrieve(self.memory, focal.map((text, i) => ({ text, embedding: embeddings[i] })), nowMs, { k: MEMORIES_PER_TURN });
  const best = new Map<string, ScoredNode>();
  for (const list of scored.values()) for (const s of list) if ((best.get(s.node.id)?.score ?? -Infinity) < s.score) best.set(s.node.id, s);
  const top = [...best.values()].sort((a, b) => b.score - a.score).slice(0, MEMORIES_PER_TURN);
  return {
    memories: [...top.map((s) => memoryRef(s.node)), ...earlierWith(self, partner, nowMs)],
    accessed: [...new Set([...scored.values()].flat().map((s) => s.node.id))],
  };
}

/** Planted facts carried by the cited memories (only those given to the mind). */
function factsCited(self: FrozenResident, cites: readonly string[], memories: readonly MemoryRef[]): string[] {
  const allowed = new Set(memories.map((m) => m.id));
  const facts = new Set<string>();
  for (const id of cites) {
    const f = allowed.has(id) ? self.memory.get(id)?.source?.factId : undefined;
    if (f) facts.add(f);
  }
  return [...facts];
}

/** Earlier talks with this partner kept in view, so nothing is told or said to them twice. */
const EARLIER_CHATS = 4;
/** How a line said earlier the same day is handed to the mind: "Earlier today I said to Tom Moreno: Hi Tom!". */
export const EARLIER_LINE_PREFIX = "Earlier today I said to ";

/**
 * The speaker's last few conversations with the partner (their summaries, whatever
 * retrieval ranked), and for those of the same game day, the lines the speaker said in
 * them: "Earlier today I said to Tom Moreno: ..." (one line each).
 */
function earlierWith(self: FrozenResident, partner: TurnSituation["partner"], nowMs: number): MemoryRef[] {
  const chats = self.memory.byKeyword([partner.ref.id], { kinds: ["chat"] }).slice(0, EARLIER_CHATS);
  const today = Math.floor(nowMs / MS_PER_DAY);
  const out: MemoryRef[] = [];
  for (const c of chats) {
    out.push(memoryRef(c));
    if (Math.floor(c.createdMs / MS_PER_DAY) !== today) continue;
    for (const line of c.transcript ?? []) if (line.speaker === self.name) out.push({ id: c.id, text: `${EARLIER_LINE_PREFIX}${partner.name}: ${line.text}`, createdMs: c.createdMs });
  }
  return out;
}

/** What one resident keeps of a finished conversation with `partners` (one, or several in a group). */
export async function recallConversation(mind: Mind, self: FrozenResident, conv: Conversation, partners: { ref: PersonRef; name: string }[], nowMs: number): Promise<NewMemory[]> {
  const transcript = transcriptOf(conv);
  const together = joinNames(partners.map((p) => p.name));
  const input = { persona: self.persona, partner: together, transcript };
  const summary = await mind.summarizeConversation(input);
  const thoughts = await mind.postChatThoughts(input);
  const ids = new Set(partners.map((p) => p.ref.id as string));
  const heard = conv.lines.filter((l) => ids.has(l.speaker.id) && l.factIds.some((f) => !self.knowsFact(f)));
  const texts = [summary, thoughts.planning, thoughts.memo, ...heard.map((l) => `${l.speakerName} told me: ${l.text}`)];
  const embeddings = await mind.embed(texts);
  // Indexed under every partner, so each is known again (lastChatWith) on the next meeting.
  const keywords = [self.id, ...partners.map((p) => p.ref.id)];
  const main = partners[0].ref.id;
  const source = { conversationId: conv.id, toldBy: main };
  const out: NewMemory[] = [
    { kind: "chat", createdMs: nowMs, subject: self.id, predicate: "chat with", object: main, description: summary, poignancy: 0, embedding: embeddings[0], keywords, transcript, source },
  ];
  const thought = (description: string, embedding: NewMemory["embedding"]): NewMemory => ({
    kind: "thought", createdMs: nowMs, subject: self.id, predicate: "thinks", object: main, description, poignancy: 0, embedding, keywords, source,
  });
  if (thoughts.planning.trim()) out.push(thought(`For my planning: ${thoughts.planning}`, embeddings[1]));
  if (thoughts.memo.trim()) out.push(thought(thoughts.memo, embeddings[2]));
  const learned = new Set<string>();
  for (const [i, l] of heard.entries()) {
    for (const factId of l.factIds) {
      if (learned.has(factId) || self.knowsFact(factId)) continue;
      learned.add(factId);
      const description = `${l.speakerName} told me: ${l.text}`;
      out.push({ ...thought(description, embeddings[3 + i]), predicate: "heard", source: { conversationId: conv.id, toldBy: l.speaker.id, factId } });
    }
  }
  // Every note of the talk scored in one question.
  const scores = await mind.poignancyBatch({ persona: self.persona, items: out.map((m) => ({ kind: m.kind as "chat" | "thought", description: m.description })) });
  if (scores.length !== out.length) throw new Error(`poignancyBatch gave ${scores.length} scores for ${out.length} memories`);
  return out.map((m, i) => ({ ...m, poignancy: scores[i] }));
}

/** "Ana", "Ana and Klaus", "Ana, Klaus and Sam". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "someone";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
