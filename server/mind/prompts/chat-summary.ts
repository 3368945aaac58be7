/**
 * Chat summary: one sentence on what a conversation was about, from the agent's side;
 * it becomes the chat's memory and the action text while they talk. The answer also
 * rates the chat's importance, which answers the chat's poignancy question for free,
 * and writes the post-chat notes (planning, memo), which answer that question for free:
 * the transcript, most of either prompt, is read once.
 * Fallback: "<first> talked with <partner>".
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { ChatSummaryInput } from "../mind";
import { text, wholeNumber } from "./fields";
import { briefIdentity, system, transcriptLines } from "./persona";

export const MAX_SUMMARY_TURNS = 16;

/** The summary with the importance of the conversation to the agent and the post-chat notes, when the model gave them. */
export interface ScoredSummary {
  summary: string;
  importance?: number;
  planning?: string;
  memo?: string;
}

const output = z.object({ summary: z.string(), importance: z.number().int().min(1).max(10), planning: z.string(), memo: z.string() });

const schema = z.object({
  summary: text(300),
  importance: wholeNumber(1, 10, { clamp: true }).optional().catch(undefined),
  planning: text(300).optional().catch(undefined),
  memo: text(300).optional().catch(undefined),
});

export const chatSummaryUnit: PromptUnit<ChatSummaryInput, ScoredSummary> = {
  name: "chat_summary",
  build: ({ persona, partner, transcript }) => ({
    system: system("You summarise conversations between residents of a small town and write a resident's private notes on them, in the third person."),
    user: [
      briefIdentity(persona),
      `Conversation between ${persona.name} and ${partner}:`,
      transcriptLines(transcript, MAX_SUMMARY_TURNS),
      `"summary": in one sentence starting "${persona.firstName} and ${partner.split(" ")[0]}", what was it about? ` +
        `"importance": how much does it matter to ${persona.firstName}, from 1 (small talk) to 10 (life-changing)? ` +
        notesQuestion(persona.firstName, partner) + ` Answer {"summary": "...", "importance": n, "planning": "...", "memo": "..."}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona, partner }) => ({ summary: `${persona.firstName} talked with ${partner}.` }),
  maxTokens: 200,
  temperature: 0.3,
};

/** What the post-chat notes are, in the words both prompts that ask for them use. */
export function notesQuestion(first: string, partner: string): string {
  return `"planning": what from this talk matters for ${first}'s plans (an invitation, a promise, a time and place), or "nothing to plan"? ` +
    `"memo": what does ${first} take away about ${partner} or feel about the talk?`;
}
