/**
 * Poignancy: how much a memory matters to the agent, 1 (mundane) to 10 (life-changing).
 * Idle objects score 1 without asking (the caller's rule). Fallback: 3, a quiet event.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { PoignancyInput } from "../mind";
import { clip, wholeNumber } from "./fields";
import { gist, system } from "./persona";

export const FALLBACK_POIGNANCY = 3;

/** The scale of importance, as every scoring question says it. */
export const SCALE = "from 1 (mundane, e.g. brushing teeth) to 10 (life-changing, e.g. a breakup)";

export const KIND_WORDS: Record<PoignancyInput["kind"], string> = { event: "event", thought: "thought", chat: "conversation" };

const output = z.object({ score: z.number().int().min(1).max(10) });

const schema = z.object({ score: wholeNumber(1, 10, { clamp: true }) }).transform((a) => a.score);

export const poignancyUnit: PromptUnit<PoignancyInput, number> = {
  name: "poignancy",
  build: ({ persona, kind, description }) => ({
    system: system("You rate how much a memory matters to a person."),
    user: [
      gist(persona),
      `${KIND_WORDS[kind]}: ${clip(description, 400)}`,
      `How much does it matter to ${persona.firstName}, ${SCALE}? Answer {"score": n}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: () => FALLBACK_POIGNANCY,
  maxTokens: 12,
  temperature: 0,
};
