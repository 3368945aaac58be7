/**
 * Reflection questions: the three high-level questions the agent's recent memories
 * raise; each then leads a retrieval and an insights question.
 * Fallback: three questions about the agent's days, people and plans.
 */
import { z } from "zod";
import type { Persona } from "../../sim/scenario";
import type { PromptUnit } from "../llm/prompt";
import type { MemoryRef } from "../mind";
import { textList } from "./fields";
import { shortIdentity, memoryLines, system } from "./persona";

export interface ReflectionQuestionsInput {
  persona: Persona;
  memories: MemoryRef[];
}

const MAX_MEMORIES = 20;
const QUESTIONS = 3;

const output = z.object({ questions: z.array(z.string()).min(1).max(QUESTIONS) });

const schema = z.object({ questions: textList(QUESTIONS, 200) }).transform((a) => [...new Set(a.questions)]);

export const reflectionQuestionsUnit: PromptUnit<ReflectionQuestionsInput, string[]> = {
  name: "reflection_questions",
  build: ({ persona, memories }) => ({
    system: system("You help a resident of a small town reflect on recent experience."),
    user: [
      shortIdentity(persona),
      `${persona.firstName}'s recent memories:`,
      memoryLines(memories, MAX_MEMORIES),
      `From these alone, what are the ${QUESTIONS} most salient high-level questions about ${persona.firstName}'s life now? ` +
        `Answer {"questions": ["...", "...", "..."]}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona }) => [
    `What has ${persona.firstName} been spending the days on?`,
    `Who matters most to ${persona.firstName} lately, and why?`,
    `What is ${persona.firstName} looking forward to?`,
  ],
  maxTokens: 130,
  temperature: 0.5,
};
