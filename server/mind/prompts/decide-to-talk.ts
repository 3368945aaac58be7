/**
 * Decide to talk: whether the agent starts a conversation with someone it sees, given
 * what both are doing, the hour, their relationship and what it remembers of them.
 * Fallback: no (a failed question should not start a conversation).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { TalkInput } from "../mind";
import { clip, yesNo } from "./fields";
import { shortIdentity, memoryLines, relationTo, system, timeText } from "./persona";

const MAX_MEMORIES = 6;

const output = z.object({ talk: z.boolean() });

const schema = z.object({ talk: yesNo }).transform((a) => a.talk);

export const decideToTalkUnit: PromptUnit<TalkInput, boolean> = {
  name: "decide_to_talk",
  build: ({ persona, action, partner, partnerAction, memories, lastChat, nowMinute }) => ({
    system: system("You decide whether a resident of a small town starts a conversation."),
    user: [
      shortIdentity(persona),
      relationTo(persona, partner),
      `It is ${timeText(nowMinute)}. ${persona.firstName} is ${action}. ${partner} is nearby, ${partnerAction}.`,
      `Their last conversation: ${lastChat ? clip(lastChat, 200) : "none"}.`,
      `What ${persona.firstName} remembers about ${partner}:`,
      memoryLines(memories, MAX_MEMORIES),
      `Would ${persona.firstName} start a conversation with ${partner} now? Answer {"talk": true} or {"talk": false}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: () => false,
  maxTokens: 12,
  temperature: 0.3,
};
