/**
 * Interview (the original's "analysis" mode): a resident answers a question in character
 * from the memories it retrieves. It only reads: an interview must not change a run.
 */
import { minuteOfDay } from "../sim/clock";
import type { Mind } from "../mind/mind";
import { retrieve } from "./memory/retrieve";
import { memoryRef } from "./reflect";
import { NO_MEMORY } from "./frozen";
import type { Resident } from "./resident";

const INTERVIEW_MEMORIES = 50;

/** `forget`: the "memory" ablation, the resident answers with no memories retrieved. */
export async function interview(mind: Mind, r: Resident, question: string, asker: string, nowMs: number, forget = false): Promise<string> {
  const memory = forget ? NO_MEMORY : r.memory.freeze();
  try {
    const [embedding] = await mind.embed([question]);
    const found = retrieve(memory, [{ text: question, embedding }], nowMs, { k: INTERVIEW_MEMORIES }).get(question) ?? [];
    return await mind.interviewAnswer({
      persona: { ...r.persona },
      question,
      asker,
      memories: found.map((s) => memoryRef(s.node)),
      plan: r.day?.dailyPlan ?? [],
      action: r.action?.description ?? "",
      nowMinute: minuteOfDay(nowMs),
    });
  } finally {
    memory.release();
  }
}
