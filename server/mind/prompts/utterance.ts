/**
 * Utterance: the agent's next line in a conversation, whether it ends the conversation,
 * and which of the given memories the line passes on (so the town can trace how news
 * spreads). `cleanUtterance` drops a "Name:" prefix and quotes, and cites of ids that
 * were not given. Fallback: a polite closing line that ends the conversation.
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { UtteranceAnswer, UtteranceInput } from "../mind";
import { idList, knownIds, text, yesNo } from "./fields";
import { briefIdentity, memoryLines, relationTo, system, timeText, transcriptLines } from "./persona";

const MAX_MEMORIES = 6;
const MAX_TURNS = 8;
const LINE_CHARS = 400;

const output = z.object({ text: z.string(), end: z.boolean(), cites: z.array(z.string()) });

const schema = z.object({
  text: text(LINE_CHARS),
  end: yesNo.optional().transform((e) => e ?? false),
  cites: idList,
});

export const utteranceUnit: PromptUnit<UtteranceInput, UtteranceAnswer> = {
  name: "utterance",
  build: ({ persona, partner, place, action, partnerAction, memories, transcript, nowMinute }) => ({
    system: system(
      `You speak as ${persona.name}, a resident of the Ville, in character: natural, one to three sentences, ` +
        "saying only what they know.",
    ),
    user: [
      briefIdentity(persona),
      relationTo(persona, partner),
      `At ${place}, ${timeText(nowMinute)}. ${persona.firstName} was ${action}; ${partner} was ${partnerAction}.`,
      `${persona.firstName}'s memories (cite the ids of those the line passes on):`,
      memoryLines(memories, MAX_MEMORIES),
      "Conversation so far:",
      transcriptLines(transcript, MAX_TURNS),
      `What does ${persona.firstName} say next to ${partner}? Set "end" to true when the talk has run its course. ` +
        `Answer {"text": "...", "end": false, "cites": []}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ partner }) => ({ text: `Good to see you, ${partner.split(" ")[0]}. I should get going.`, end: true, cites: [] }),
  maxTokens: 130,
  temperature: 0.8,
};

/** The line without a speaker prefix or wrapping quotes; cites only of given memories. */
export function cleanUtterance(answer: UtteranceAnswer, input: UtteranceInput): UtteranceAnswer {
  const names = [input.persona.name, input.persona.firstName].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const unprefixed = answer.text.replace(new RegExp(`^\\s*(${names.join("|")})\\s*:\\s*`, "i"), "");
  const unquoted = unprefixed.replace(/^\s*["“](.*)["”]\s*$/s, "$1").trim();
  return { text: unquoted || answer.text, end: answer.end, cites: knownIds(answer.cites, input.memories) };
}
