/**
 * Post-chat thoughts, both in one answer (the original asked twice): a note for the
 * agent's planning (an invitation, a promise, a time and place) and a memo of what the
 * agent takes away about the partner. Asked only when the chat summary's (or a written
 * conversation's) answer did not already bring them. Fallback: plain notes that the
 * talk happened.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { ChatSummaryInput } from "../mind";
import { text } from "./fields";
import { briefIdentity, system, transcriptLines } from "./persona";
import { MAX_SUMMARY_TURNS, notesQuestion } from "./chat-summary";

const output = z.object({ planning: z.string(), memo: z.string() });

const schema = z.object({ planning: text(300), memo: text(300) });

export const postChatUnit: PromptUnit<ChatSummaryInput, { planning: string; memo: string }> = {
  name: "post_chat",
  build: ({ persona, partner, transcript }) => ({
    system: system("You write a resident's private notes after a conversation, in the third person."),
    user: [
      briefIdentity(persona),
      `${persona.firstName} just talked with ${partner}:`,
      transcriptLines(transcript, MAX_SUMMARY_TURNS),
      `Write two short notes about ${persona.firstName}. ${notesQuestion(persona.firstName, partner)} Answer {"planning": "...", "memo": "..."}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona, partner }) => ({
    planning: `${persona.firstName} has nothing new to plan after talking with ${partner}.`,
    memo: `${persona.firstName} had a conversation with ${partner}.`,
  }),
  maxTokens: 140,
  temperature: 0.5,
};
