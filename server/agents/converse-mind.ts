/**
 * The thinking part of conversing, off the tick on frozen views: the speaker's next line
 * (retrieval about the partner and the last line, then the mind), and what a resident
 * keeps of a finished conversation: a summary, a planning thought, a memo, and any news
 * it was told, with its provenance (who told it, which planted fact it carries).
 */
import type { Conversation } from "../sim/conversations";
import type { PersonRef } from "../sim/ids";
import type { ChatTurn, LineStream, Mind, MemoryRef } from "../mind/mind";
import type { NewMemory } from "./memory/memory-stream";
import { retrieve, type ScoredNode } from "./memory/retrieve";
import type { FrozenResident } from "./frozen";
import { MS_PER_DAY } from "../sim/clock";
import { memoryRef } from "./reflect";
import type { Change } from "./requests";

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
  const last = conv.lines[conv.lines.length - 1]?.text;
  const focal = [at.partner.name, ...(last ? [last] : [])];
  const embeddings = await mind.embed(focal);
  const scored = retrieve(self.memory, focal.map((text, i) => ({ text, embedding: embeddings[i] })), at.nowMs, { k: MEMORIES_PER_TURN });
  const best = new Map<string, ScoredNode>();
  for (const list of scored.values()) for (const s of list) if ((best.get(s.node.id)?.score ?? -Infinity) < s.score) best.set(s.node.id, s);
  const top = [...best.values()].sort((a, b) => b.score - a.score).slice(0, MEMORIES_PER_TURN);
  const memories: MemoryRef[] = [...top.map((s) => memoryRef(s.node)), ...earlierWith(self, at)];
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
  const allowed = new Set(memories.map((m) => m.id));
  const facts = new Set<string>();
  for (const id of answer.cites) {
    const f = allowed.has(id) ? self.memory.get(id)?.source?.factId : undefined;
    if (f) facts.add(f);
  }
  return {
    kind: "line",
    conversation: conv.id,
    speaker: self.id,
    to: at.partner.ref,
    text: answer.text,
    end: answer.end,
    factIds: [...facts],
    accessed: [...new Set([...scored.values()].flat().map((s) => s.node.id))],
    atMs: at.nowMs,
    ...(draftId !== undefined && (streamed as boolean) ? { draftId } : {}),
  };
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
function earlierWith(self: FrozenResident, at: TurnSituation): MemoryRef[] {
  const chats = self.memory.byKeyword([at.partner.ref.id], { kinds: ["chat"] }).slice(0, EARLIER_CHATS);
  const today = Math.floor(at.nowMs / MS_PER_DAY);
  const out: MemoryRef[] = [];
  for (const c of chats) {
    out.push(memoryRef(c));
    if (Math.floor(c.createdMs / MS_PER_DAY) !== today) continue;
    for (const line of c.transcript ?? []) if (line.speaker === self.name) out.push({ id: c.id, text: `${EARLIER_LINE_PREFIX}${at.partner.name}: ${line.text}`, createdMs: c.createdMs });
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
  const score = (kind: "chat" | "thought", description: string) => mind.poignancy({ persona: self.persona, kind, description });
  // Indexed under every partner, so each is known again (lastChatWith) on the next meeting.
  const keywords = [self.id, ...partners.map((p) => p.ref.id)];
  const main = partners[0].ref.id;
  const source = { conversationId: conv.id, toldBy: main };
  const out: NewMemory[] = [
    { kind: "chat", createdMs: nowMs, subject: self.id, predicate: "chat with", object: main, description: summary, poignancy: await score("chat", summary), embedding: embeddings[0], keywords, transcript, source },
  ];
  const thought = async (description: string, embedding: NewMemory["embedding"]): Promise<NewMemory> => ({
    kind: "thought", createdMs: nowMs, subject: self.id, predicate: "thinks", object: main, description, poignancy: await score("thought", description), embedding, keywords, source,
  });
  if (thoughts.planning.trim()) out.push(await thought(`For my planning: ${thoughts.planning}`, embeddings[1]));
  if (thoughts.memo.trim()) out.push(await thought(thoughts.memo, embeddings[2]));
  const learned = new Set<string>();
  for (const [i, l] of heard.entries()) {
    for (const factId of l.factIds) {
      if (learned.has(factId) || self.knowsFact(factId)) continue;
      learned.add(factId);
      const description = `${l.speakerName} told me: ${l.text}`;
      out.push({ ...(await thought(description, embeddings[3 + i])), predicate: "heard", source: { conversationId: conv.id, toldBy: l.speaker.id, factId } });
    }
  }
  return out;
}

/** "Ana", "Ana and Klaus", "Ana, Klaus and Sam". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "someone";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
