/**
 * Reflect: when the summed importance of new memories passes the threshold, the agent
 * asks itself three questions about its recent memories, retrieves what bears on each,
 * and writes insights that cite their evidence. Insights can cite insights (depth).
 */
import type { Mind, MemoryRef } from "../mind/mind";
import { isIdle, type MemoryNode, type NewMemory } from "./memory/memory-stream";
import { retrieve } from "./memory/retrieve";
import type { Resident } from "./resident";

const RECENT_FOR_QUESTIONS = 100;
const QUESTIONS = 3;
const RETRIEVE_PER_QUESTION = 30;
const INSIGHTS_PER_QUESTION = 5;

export function memoryRef(n: MemoryNode): MemoryRef {
  return { id: n.id, text: n.description, createdMs: n.createdMs };
}

export async function reflect(mind: Mind, r: Resident, nowMs: number): Promise<NewMemory[]> {
  const recent = r.memory
    .latest(RECENT_FOR_QUESTIONS, ["event", "thought", "chat"])
    .filter((n) => !isIdle(n))
    .sort((a, b) => b.poignancy - a.poignancy || b.createdMs - a.createdMs)
    .slice(0, 30);
  if (recent.length === 0) return [];
  const questions = (await mind.reflectionQuestions({ persona: r.persona, memories: recent.map(memoryRef) })).slice(0, QUESTIONS);
  const out: NewMemory[] = [];
  // An insight already held is not a new one.
  const seen = new Set(r.memory.nodes().filter((n) => n.kind === "thought").map((n) => n.description));
  for (const question of questions) {
    const [embedding] = await mind.embed([question]);
    const scored = retrieve(r.memory, [{ text: question, embedding }], nowMs, { k: RETRIEVE_PER_QUESTION }).get(question) ?? [];
    const memories = scored.map((s) => memoryRef(s.node));
    const known = new Set(memories.map((m) => m.id));
    const insights = (await mind.insights({ persona: r.persona, question, memories })).slice(0, INSIGHTS_PER_QUESTION);
    for (const ins of insights) {
      const text = ins.insight.trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const evidence = ins.evidence.filter((id) => known.has(id));
      const [vec] = await mind.embed([text]);
      out.push({
        kind: "thought",
        createdMs: nowMs,
        subject: r.name,
        predicate: "reflects",
        object: question,
        description: text,
        poignancy: await mind.poignancy({ persona: r.persona, kind: "thought", description: text }),
        embedding: vec,
        evidence,
      });
    }
  }
  return out;
}
