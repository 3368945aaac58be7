/**
 * Chat summary: one sentence on what a conversation was about, from the agent's side;
 * it becomes the chat's memory and the action text while they talk. The answer also
 * rates the chat's importance, which answers the chat's poignancy question for free.
 * Fallback: "<first> talked with <partner>".
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { ChatSummaryInput } from "../mind";
import { text, wholeNumber } from "./fields";
import { system, transcriptLines } from "./persona";

export const MAX_SUMMARY_TURNS = 16;

/** The summary with the importance of the conversation to the agent, when the model gave it. */
export interface ScoredSummary {
  summary: string;
  importance?: number;
}

const output = z.object({ summary: z.string(), importance: z.number().int().min(1).max(10) });

const schema = z.object({ summary: text(300), importance: wholeNumber(1, 10, { clamp: true }).optional().catch(undefined) });

export const chatSummaryUnit: PromptUnit<ChatSummaryInput, ScoredSummary> = {
  name: "chat_summary",
  build: ({ persona, partner, transcript }) => ({
    system: system("You summarise conversations between residents of a small town."),
    user: [
      `Conversation between ${persona.name} and ${partner}:`,
      transcriptLines(transcript, MAX_SUMMARY_TURNS),
      `In one sentence starting "${persona.firstName} and ${partner.split(" ")[0]}", what was it about? ` +
        `And how much does it matter to ${persona.firstName}, from 1 (small talk) to 10 (life-changing)? ` +
        `Answer {"summary": "...", "importance": n}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona, partner }) => ({ summary: `${persona.firstName} talked with ${partner}.` }),
  maxTokens: 80,
  temperature: 0.3,
};
