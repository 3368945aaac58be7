/**
 * Poignancy of several memories in one question: a perceived batch of events, or the
 * notes a resident keeps of a talk. The identity and the scale are said once, so each
 * further memory costs only its own line. The answer is read leniently, entry by entry:
 * a score that is missing or unreadable is null, and the caller scores that memory
 * another way (the offline rules); a short list is kept as far as it goes.
 * Fallback: no scores (every memory is scored the other way).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { PoignancyBatchInput } from "../mind";
import { clip, wholeNumber } from "./fields";
import { gist, system } from "./persona";
import { KIND_WORDS, SCALE } from "./poignancy";

/** More memories than this are asked in several questions (a long list blurs the scale). */
export const MAX_BATCH = 20;
const DESCRIPTION_CHARS = 300;

const output = z.object({ scores: z.array(z.number().int().min(1).max(10)) });

const score = wholeNumber(1, 10, { clamp: true });

/** One entry: 7, "7", or {"score": 7}; anything else is null. */
function readScore(item: unknown): number | null {
  const value = typeof item === "object" && item !== null && "score" in item ? (item as { score: unknown }).score : item;
  const read = score.safeParse(value);
  return read.success ? read.data : null;
}

const schema = z
  .preprocess((v) => (Array.isArray(v) ? { scores: v } : v), z.object({ scores: z.array(z.unknown()) }))
  .transform((a) => a.scores.map(readScore))
  .refine((scores) => scores.some((s) => s !== null), "expected at least one score from 1 to 10");

export const poignancyBatchUnit: PromptUnit<PoignancyBatchInput, Array<number | null>> = {
  name: "poignancy_batch",
  build: ({ persona, items }) => ({
    system: system("You rate how much each of a person's memories matters to them."),
    user: [
      gist(persona),
      ...items.slice(0, MAX_BATCH).map((item, i) => `${i + 1}. ${KIND_WORDS[item.kind]}: ${clip(item.description, DESCRIPTION_CHARS)}`),
      `How much does each matter to ${persona.firstName}, ${SCALE}? Answer {"scores": [n, ...]}, one per memory, in order.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ items }) => items.map(() => null),
  maxTokens: 8 + 4 * MAX_BATCH,
  temperature: 0,
};

/**
 * The answer laid over the items: exactly one entry per item, in order; entries the
 * model left out (or could not give) are null. Extra entries are dropped.
 */
export function alignScores(scores: ReadonlyArray<number | null>, count: number): Array<number | null> {
  return Array.from({ length: count }, (_, i) => scores[i] ?? null);
}
