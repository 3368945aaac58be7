/**
 * Reflection in one question: the high-level questions the agent's recent memories
 * raise and, for each, the insights that answer it, each citing the memories it rests
 * on and rating its importance. Asked apart (the questions, then the insights of each
 * question from memories retrieved for it) the identity and much the same memories were
 * read twice; here the recent memories are the evidence. The questions are read as in
 * reflection-questions.ts, each insight as in insights.ts; `byQuestion` sorts the
 * insights back, up to five per question, and says which questions got none (the caller
 * answers those another way). Fallback: nothing (the caller asks apart).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { MemoryRef } from "../mind";
import type { Persona } from "../../sim/scenario";
import { idList, renamed, text, textList, wholeNumber } from "./fields";
import type { ScoredInsight } from "./insights";
import { memoryLines, shortIdentity, system } from "./persona";

export interface ReflectionInput {
  persona: Persona;
  /** Recent memories, most salient first (the first 20 are shown). */
  memories: MemoryRef[];
}

const MAX_MEMORIES = 20;
const QUESTIONS = 3;
const MAX_INSIGHTS = 5;

/** An insight and the number (from 1) of the question it answers. */
export type NumberedInsight = ScoredInsight & { question: number };

export interface ReflectionAnswer {
  questions: string[];
  insights: NumberedInsight[];
}

const output = z.object({
  questions: z.array(z.string()).min(1).max(QUESTIONS),
  insights: z
    .array(z.object({ q: z.number().int().min(1).max(QUESTIONS), text: z.string(), because: z.array(z.string()), importance: z.number().int().min(1).max(10) }))
    .max(MAX_INSIGHTS * QUESTIONS),
});

const insightFields = z
  .object({ q: wholeNumber(1, QUESTIONS), text: text(300), because: idList, importance: wholeNumber(1, 10, { clamp: true }).optional().catch(undefined) })
  .transform((i): NumberedInsight => ({ question: i.q, insight: i.text, evidence: i.because, importance: i.importance }));
const insight = z.preprocess(
  (v) => renamed("q", ["question"])(renamed("because", ["evidence", "ids"])(renamed("text", ["insight"])(v))),
  insightFields,
);

/** The questions must read; insights that do not are left out. */
const schema = z
  .object({ questions: textList(QUESTIONS, 200), insights: z.array(z.unknown()).max(MAX_INSIGHTS * QUESTIONS * 2).optional().catch(undefined) })
  .transform((a): ReflectionAnswer => ({
    questions: a.questions,
    insights: (a.insights ?? []).flatMap((item) => {
      const read = insight.safeParse(item);
      return read.success && read.data.question <= a.questions.length ? [read.data] : [];
    }),
  }));

/** The memories the prompt shows (the evidence an insight may cite). */
export function shownMemories(input: ReflectionInput): MemoryRef[] {
  return input.memories.slice(0, MAX_MEMORIES);
}

export const reflectionUnit: PromptUnit<ReflectionInput, ReflectionAnswer> = {
  name: "reflection",
  build: (input) => {
    const first = input.persona.firstName;
    return {
      system: system("You help a resident of a small town reflect on recent experience."),
      user: [
        shortIdentity(input.persona),
        `${first}'s recent memories:`,
        memoryLines(shownMemories(input), MAX_MEMORIES),
        `From these alone, what are the ${QUESTIONS} most salient high-level questions about ${first}'s life now? For each, give ` +
          `up to ${MAX_INSIGHTS} high-level insights about ${first} that answer it, each citing the ids of the memories it rests on ` +
          `and rating its importance to ${first} from 1 to 10. Answer {"questions": ["...", "...", "..."], ` +
          `"insights": [{"q": 1, "text": "...", "because": ["id", ...], "importance": n}, ...]}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: () => ({ questions: [], insights: [] }),
  maxTokens: 1_100,
  temperature: 0.5,
};

/** The insights per question, in order, at most five each; a question with none is null. */
export function byQuestion(insights: readonly NumberedInsight[], count: number): Array<ScoredInsight[] | null> {
  return Array.from({ length: count }, (_, i) => {
    const mine = insights.filter((x) => x.question === i + 1);
    return mine.length === 0 ? null : mine.slice(0, MAX_INSIGHTS).map(({ question: _q, ...rest }) => rest);
  });
}
