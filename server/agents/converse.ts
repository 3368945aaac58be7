/**
 * Converse: two people talk turn by turn (at most 8 rounds). Each turn the speaker
 * retrieves what it remembers about the partner and the talk so far and says one line,
 * which may end the conversation. Afterwards each resident remembers the chat (with a
 * summary), writes a planning thought and a memo, and keeps any news it was told with
 * its provenance (who told it, which planted fact it carries).
 */
import type { ChatTurn, Mind, MemoryRef, UtteranceAnswer } from "../mind/mind";
import type { NewMemory } from "./memory/memory-stream";
import { retrieve } from "./memory/retrieve";
import type { Resident } from "./resident";
import { memoryRef } from "./reflect";

export const MAX_ROUNDS = 8;
export const MAX_LINES = MAX_ROUNDS * 2;
const MEMORIES_PER_TURN = 15;

/** A side of a conversation: a resident, or a human player (who types their lines). */
export type Speaker = { kind: "resident"; resident: Resident } | { kind: "player"; id: string; name: string };

export interface ChatLineRecord extends ChatTurn {
  /** Planted facts this line passes on (from the speaker's cited memories). */
  factIds: string[];
  gameTimeMs: number;
}

export interface Conversation {
  id: string;
  sides: [Speaker, Speaker];
  lines: ChatLineRecord[];
  startedMs: number;
  /** Index in `sides` of who speaks next. */
  next: 0 | 1;
  ended: boolean;
  endedMs?: number;
  summary?: string;
}

export function nameOf(s: Speaker): string {
  return s.kind === "resident" ? s.resident.name : s.name;
}

export function idOf(s: Speaker): string {
  return s.kind === "resident" ? s.resident.id : s.id;
}

/** The speaker's next line: retrieval about the partner and the last line, then the mind. */
export async function nextLine(mind: Mind, conv: Conversation, speaker: Resident, partner: Speaker, place: string, nowMs: number, nowMinute: number): Promise<UtteranceAnswer & { memories: MemoryRef[] }> {
  const partnerName = nameOf(partner);
  const last = conv.lines[conv.lines.length - 1]?.text;
  const focal = [partnerName, ...(last ? [last] : [])];
  const embeddings = await mind.embed(focal);
  const scored = retrieve(speaker.memory, focal.map((text, i) => ({ text, embedding: embeddings[i] })), nowMs, { k: MEMORIES_PER_TURN });
  const byId = new Map<string, { ref: MemoryRef; score: number }>();
  for (const list of scored.values()) {
    for (const s of list) {
      const prev = byId.get(s.node.id);
      if (!prev || prev.score < s.score) byId.set(s.node.id, { ref: memoryRef(s.node), score: s.score });
    }
  }
  const memories = [...byId.values()].sort((a, b) => b.score - a.score).slice(0, MEMORIES_PER_TURN).map((m) => m.ref);
  const answer = await mind.nextUtterance({
    persona: speaker.persona,
    partner: partnerName,
    place,
    action: speaker.interrupted?.description ?? "",
    partnerAction: partner.kind === "resident" ? partner.resident.interrupted?.description ?? "" : "walking around town",
    memories,
    transcript: conv.lines.map((l) => ({ speaker: l.speaker, text: l.text })),
    nowMinute,
  });
  const allowed = new Set(memories.map((m) => m.id));
  return { ...answer, cites: answer.cites.filter((id) => allowed.has(id)), memories };
}

/** Facts carried by the memories a line cites. */
export function factsOf(speaker: Resident, cites: string[]): string[] {
  const out = new Set<string>();
  for (const id of cites) {
    const f = speaker.memory.get(id)?.source?.factId;
    if (f) out.add(f);
  }
  return [...out];
}

/** What one resident keeps of a finished conversation. */
export async function rememberConversation(mind: Mind, conv: Conversation, self: Resident, partner: Speaker, nowMs: number): Promise<NewMemory[]> {
  const partnerName = nameOf(partner);
  const transcript = conv.lines.map((l) => ({ speaker: l.speaker, text: l.text }));
  const input = { persona: self.persona, partner: partnerName, transcript };
  const summary = await mind.summarizeConversation(input);
  const thoughts = await mind.postChatThoughts(input);
  const texts = [summary, thoughts.planning, thoughts.memo];
  const heard = conv.lines.filter((l) => l.speaker === partnerName && l.factIds.some((f) => !knowsFact(self, f)));
  texts.push(...heard.map((l) => `${partnerName} told me: ${l.text}`));
  const embeddings = await mind.embed(texts);
  const score = (kind: "chat" | "thought", description: string) => mind.poignancy({ persona: self.persona, kind, description });
  const out: NewMemory[] = [
    {
      kind: "chat",
      createdMs: nowMs,
      subject: self.name,
      predicate: "chat with",
      object: partnerName,
      description: summary,
      poignancy: await score("chat", summary),
      embedding: embeddings[0],
      keywords: [self.name, partnerName],
      transcript,
      source: { conversationId: conv.id, toldBy: partnerName },
    },
  ];
  const thought = (description: string, embedding: NewMemory["embedding"], extra: Partial<NewMemory> = {}): Promise<NewMemory> =>
    score("thought", description).then((poignancy) => ({
      kind: "thought",
      createdMs: nowMs,
      subject: self.name,
      predicate: "thinks",
      object: partnerName,
      description,
      poignancy,
      embedding,
      keywords: [self.name, partnerName],
      ...extra,
    }));
  if (thoughts.planning.trim()) out.push(await thought(`For my planning: ${thoughts.planning}`, embeddings[1], { source: { conversationId: conv.id, toldBy: partnerName } }));
  if (thoughts.memo.trim()) out.push(await thought(thoughts.memo, embeddings[2], { source: { conversationId: conv.id, toldBy: partnerName } }));
  const learned = new Set<string>();
  heard.forEach((l, i) => {
    for (const factId of l.factIds) {
      if (learned.has(factId) || knowsFact(self, factId)) continue;
      learned.add(factId);
      out.push({
        kind: "thought",
        createdMs: nowMs,
        subject: self.name,
        predicate: "heard",
        object: partnerName,
        description: `${partnerName} told me: ${l.text}`,
        poignancy: 0,
        embedding: embeddings[3 + i],
        keywords: [self.name, partnerName],
        source: { conversationId: conv.id, toldBy: partnerName, factId },
      });
    }
  });
  // News is scored like any thought; the placeholder above avoids one call per fact line.
  for (const m of out) if (m.poignancy === 0) m.poignancy = await score("thought", m.description);
  return out;
}

export function knowsFact(r: Resident, factId: string): boolean {
  return r.knownFacts.has(factId);
}
