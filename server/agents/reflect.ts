/**
 * Reflect: when the summed importance of new memories passes the threshold, the agent
 * asks itself three questions about its recent memories, retrieves what bears on each,
 * and writes insights that cite their evidence. A mind that can (`Mind.reflection`, the
 * language model) answers the questions and their insights at once from the recent
 * memories. Insights can cite insights (depth).
 * Runs off the tick on a frozen view; the insights and access marks are applied later.
 */
import type { InsightAnswer, MemoryRef, Mind } from "../mind/mind";
import { isIdle, type MemoryNode, type NewMemory } from "./memory/memory-stream";
import { accessedIds, retrieve } from "./memory/retrieve";
import type { FrozenResident } from "./frozen";
import type { Change } from "./requests";

const RECENT_FOR_QUESTIONS = 100;
const QUESTIONS = 3;
const RETRIEVE_PER_QUESTION = 30;
const INSIGHTS_PER_QUESTION = 5;

export function memoryRef(n: MemoryNode): MemoryRef {
  return { id: n.id, text: n.description, createdMs: n.createdMs };
}

export async function reflect(mind: Mind, self: FrozenResident, nowMs: number): Promise<Extract<Change, { kind: "reflect" }>> {
  const change = { kind: "reflect" as const, resident: self.id, insights: [] as NewMemory[], accessed: [] as string[], atMs: nowMs };
  const recent = self.memory
    .latest(RECENT_FOR_QUESTIONS, ["event", "thought", "chat"])
    .filter((n) => !isIdle(n))
    .sort((a, b) => b.poignancy - a.poignancy || b.createdMs - a.createdMs)
    .slice(0, 30);
  if (recent.length === 0) return change;
  const memories = recent.map(memoryRef);
  // A mind that can answers the questions and their insights at once, from the recent memories.
  const together = mind.reflection ? await mind.reflection({ persona: self.persona, memories }) : null;
  const accessed = new Set<string>();
  const answers: Array<{ question: string; known: Set<string>; insights: () => Promise<InsightAnswer[]> }> = [];
  if (together) {
    const given = new Set(memories.map((m) => m.id));
    for (const r of together.slice(0, QUESTIONS)) {
      // The memories an insight rests on were used: they count as accessed, as retrieved ones do.
      for (const i of r.insights) for (const id of i.evidence) if (given.has(id)) accessed.add(id);
      answers.push({ question: r.question, known: given, insights: async () => r.insights });
    }
  } else {
    const questions = (await mind.reflectionQuestions({ persona: self.persona, memories })).slice(0, QUESTIONS);
    for (const question of questions) {
      const [embedding] = await mind.embed([question]);
      const result = retrieve(self.memory, [{ text: question, embedding }], nowMs, { k: RETRIEVE_PER_QUESTION });
      for (const id of accessedIds(result)) accessed.add(id);
      const retrieved = (result.get(question) ?? []).map((s) => memoryRef(s.node));
      answers.push({ question, known: new Set(retrieved.map((m) => m.id)), insights: () => mind.insights({ persona: self.persona, question, memories: retrieved }) });
    }
  }
  // An insight already held is not a new one.
  const seen = new Set(self.memory.nodes().filter((n) => n.kind === "thought").map((n) => n.description));
  for (const { question, known, insights } of answers) {
    for (const ins of (await insights()).slice(0, INSIGHTS_PER_QUESTION)) {
      const text = ins.insight.trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      const [vec] = await mind.embed([text]);
      change.insights.push({
        kind: "thought",
        createdMs: nowMs,
        subject: self.id,
        predicate: "reflects",
        object: question,
        description: text,
        poignancy: await mind.poignancy({ persona: self.persona, kind: "thought", description: text }),
        embedding: vec,
        evidence: ins.evidence.filter((id) => known.has(id)),
      });
    }
  }
  change.accessed = [...accessed];
  return change;
}
