/**
 * Identity revision, at the start of a new day: the agent's "currently" line rewritten
 * from what it remembers of recent days (the original did this but never regenerated
 * the daily requirement; we revise only "currently", as the Mind asks).
 * Fallback: the line unchanged.
 */
import { z } from "zod";
import type { Persona } from "../../sim/scenario";
import type { PromptUnit } from "../llm/prompt";
import type { MemoryRef } from "../mind";
import { text } from "./fields";
import { dateText, identity, memoryLines, system } from "./persona";

export interface ReviseIdentityInput {
  persona: Persona;
  currently: string;
  memories: MemoryRef[];
  dayStartMs: number;
}

const MAX_MEMORIES = 12;

const output = z.object({ currently: z.string() });

const schema = z.object({ currently: text(500) }).transform((a) => a.currently);

export const reviseIdentityUnit: PromptUnit<ReviseIdentityInput, string> = {
  name: "revise_identity",
  build: ({ persona, currently, memories, dayStartMs }) => ({
    system: system("You keep a resident's description of their current situation up to date."),
    user: [
      identity({ ...persona, currently }),
      `Today is ${dateText(dayStartMs)}. What ${persona.firstName} remembers from recent days:`,
      memoryLines(memories, MAX_MEMORIES),
      `Rewrite ${persona.firstName}'s "currently" in 1 to 3 sentences, third person: what ${persona.firstName} is doing, ` +
        `planning and thinking about now, keeping what still holds. Answer {"currently": "..."}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ currently }) => currently,
  maxTokens: 160,
  temperature: 0.5,
};
