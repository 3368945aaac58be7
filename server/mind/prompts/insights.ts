/**
 * Insights: up to five conclusions answering a reflection question, each citing the
 * memories it rests on. `keepGrounded` keeps only cited ids that were given, and drops
 * insights left with no evidence (an unsupported claim is not a reflection). Each insight
 * also carries its importance: the caller scores every insight's poignancy next, and
 * LlmMind answers that from this rating instead of asking again (15 calls a reflection).
 * Fallback: no insight.
 */
import { z } from "zod";
import type { Persona } from "../../sim/scenario";
import type { PromptUnit } from "../llm/prompt";
import type { InsightAnswer, MemoryRef } from "../mind";
import { idList, knownIds, renamed, text, wholeNumber } from "./fields";
import { briefIdentity, memoryLines, system } from "./persona";

export interface InsightsInput {
  persona: Persona;
  question: string;
  memories: MemoryRef[];
}

const MAX_MEMORIES = 15;
const MAX_INSIGHTS = 5;

/** An insight with the importance the model gave it, so its poignancy need not be asked again. */
export type ScoredInsight = InsightAnswer & { importance?: number };

const output = z.object({
  insights: z
    .array(z.object({ text: z.string(), because: z.array(z.string()), importance: z.number().int().min(1).max(10) }))
    .max(MAX_INSIGHTS),
});

const insightFields = z
  .object({ text: text(300), because: idList, importance: wholeNumber(1, 10, { clamp: true }).optional().catch(undefined) })
  .transform((i): ScoredInsight => ({ insight: i.text, evidence: i.because, importance: i.importance }));
// Models often name the fields after the Mind's words instead of ours.
const insight = z.preprocess((v) => renamed("because", ["evidence", "ids"])(renamed("text", ["insight"])(v)), insightFields);
const schema = z.object({ insights: z.array(insight).max(MAX_INSIGHTS * 2) }).transform((a) => a.insights.slice(0, MAX_INSIGHTS));

export const insightsUnit: PromptUnit<InsightsInput, ScoredInsight[]> = {
  name: "insights",
  build: ({ persona, question, memories }) => ({
    system: system("You help a resident of a small town draw conclusions from memories."),
    user: [
      briefIdentity(persona),
      `Question: ${question}`,
      "Memories:",
      memoryLines(memories, MAX_MEMORIES),
      `Give up to ${MAX_INSIGHTS} high-level insights about ${persona.firstName} that answer the question, each citing ` +
        `the ids of the memories it rests on and rating its importance to ${persona.firstName} from 1 to 10. ` +
        `Answer {"insights": [{"text": "...", "because": ["id", ...], "importance": n}]}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: () => [],
  maxTokens: 360,
  temperature: 0.5,
};

/** Evidence restricted to the given memories; insights without any left are dropped. */
export function keepGrounded(insights: readonly ScoredInsight[], memories: readonly MemoryRef[]): ScoredInsight[] {
  return insights
    .map((i) => ({ ...i, evidence: knownIds(i.evidence, memories) }))
    .filter((i) => i.evidence.length > 0);
}
