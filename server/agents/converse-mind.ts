/**
 * The thinking part of conversing, off the tick on frozen views: the speaker's next line
 * (retrieval about the partner and the last line, then the mind), and what a resident
 * keeps of a finished conversation: a summary, a planning thought, a memo, and any news
 * it was told, with its provenance (who told it, which planted fact it carries).
 */
import type { Conversation } from "../sim/conversations";
import type { PersonRef } from "../sim/ids";
import type { ChatTurn, Mind, MemoryRef } from "../mind/mind";
import type { NewMemory } from "./memory/memory-stream";
import { retrieve, type ScoredNode } from "./memory/retrieve";
import type { FrozenResident } from "./frozen";
import { memoryRef } from "./reflect";
import type { Change } from "./requests";

const MEMORIES_PER_TURN = 15;

/** What a line needs to know of the talk, taken when the job starts. */
export interface TurnSituation {
  conversation: Conversation;
  partner: { ref: PersonRef; name: string; action: string };
  place: string;
  nowMs: number;
  nowMinute: number;
}

export function transcriptOf(conv: Conversation): ChatTurn[] {
  return conv.lines.map((l) => ({ speaker: l.speakerName, text: l.text }));
}

/** The speaker's next line, the planted facts it passes on, and the memories it read. */
export async function nextLine(mind: Mind, self: FrozenResident, at: TurnSituation): Promise<Extract<Change, { kind: "line" }>> {
  const conv = at.conversation;
  const last = conv.lines[conv.lines.length - 1]?.text;
  const focal = [at.partner.name, ...(last ? [last] : [])];
  const embeddings = await mind.embed(focal);
  const scored = retrieve(self.memory, focal.map((text, i) => ({ text, embedding: embeddings[i] })), at.nowMs, { k: MEMORIES_PER_TURN });
  const best = new Map<string, ScoredNode>();
  for (const list of scored.values()) for (const s of list) if ((best.get(s.node.id)?.score ?? -Infinity) < s.score) best.set(s.node.id, s);
  const top = [...best.values()].sort((a, b) => b.score - a.score).slice(0, MEMORIES_PER_TURN);
  const memories: MemoryRef[] = top.map((s) => memoryRef(s.node));
  const answer = await mind.nextUtterance({
    persona: self.persona,
    partner: at.partner.name,
    place: at.place,
    action: self.interrupted?.description ?? "",
    partnerAction: at.partner.action,
    memories,
    transcript: transcriptOf(conv),
    nowMinute: at.nowMinute,
  });
  const allowed = new Set(memories.map((m) => m.id));
  const facts = new Set<string>();
  for (const id of answer.cites) {
    const f = allowed.has(id) ? self.memory.get(id)?.source?.factId : undefined;
    if (f) facts.add(f);
  }
  return { kind: "line", conversation: conv.id, speaker: self.id, text: answer.text, end: answer.end, factIds: [...facts], accessed: [...new Set([...scored.values()].flat().map((s) => s.node.id))], atMs: at.nowMs };
}

/** What one resident keeps of a finished conversation with `partner`. */
export async function recallConversation(mind: Mind, self: FrozenResident, conv: Conversation, partner: { ref: PersonRef; name: string }, nowMs: number): Promise<NewMemory[]> {
  const transcript = transcriptOf(conv);
  const input = { persona: self.persona, partner: partner.name, transcript };
  const summary = await mind.summarizeConversation(input);
  const thoughts = await mind.postChatThoughts(input);
  const heard = conv.lines.filter((l) => l.speaker.id === partner.ref.id && l.factIds.some((f) => !self.knowsFact(f)));
  const texts = [summary, thoughts.planning, thoughts.memo, ...heard.map((l) => `${partner.name} told me: ${l.text}`)];
  const embeddings = await mind.embed(texts);
  const score = (kind: "chat" | "thought", description: string) => mind.poignancy({ persona: self.persona, kind, description });
  const keywords = [self.id, partner.ref.id];
  const source = { conversationId: conv.id, toldBy: partner.ref.id };
  const out: NewMemory[] = [
    { kind: "chat", createdMs: nowMs, subject: self.id, predicate: "chat with", object: partner.ref.id, description: summary, poignancy: await score("chat", summary), embedding: embeddings[0], keywords, transcript, source },
  ];
  const thought = async (description: string, embedding: NewMemory["embedding"]): Promise<NewMemory> => ({
    kind: "thought", createdMs: nowMs, subject: self.id, predicate: "thinks", object: partner.ref.id, description, poignancy: await score("thought", description), embedding, keywords, source,
  });
  if (thoughts.planning.trim()) out.push(await thought(`For my planning: ${thoughts.planning}`, embeddings[1]));
  if (thoughts.memo.trim()) out.push(await thought(thoughts.memo, embeddings[2]));
  const learned = new Set<string>();
  for (const [i, l] of heard.entries()) {
    for (const factId of l.factIds) {
      if (learned.has(factId) || self.knowsFact(factId)) continue;
      learned.add(factId);
      const description = `${partner.name} told me: ${l.text}`;
      out.push({ ...(await thought(description, embeddings[3 + i])), predicate: "heard", source: { ...source, factId } });
    }
  }
  return out;
}
