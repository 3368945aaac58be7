/**
 * Interview: the agent answers a person's question in character, from its memories
 * and today's plan only, saying so when it does not know. Safety rule: it never claims
 * to be human. The prompt says so, and `enforceNotHuman` checks the answer anyway
 * (the original asked the model a separate safety question instead; a check costs no
 * tokens): a sentence that claims to be human or denies being simulated is replaced.
 * Fallback: an honest "I can't answer right now".
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { InterviewInput } from "../mind";
import { clip, text } from "./fields";
import { identity, memoryLines, system, timeText } from "./persona";

const MAX_MEMORIES = 15;
const MAX_PLAN_ITEMS = 8;

const output = z.object({ answer: z.string() });

const schema = z.object({ answer: text(900) }).transform((a) => a.answer);

export const interviewUnit: PromptUnit<InterviewInput, string> = {
  name: "interview",
  build: ({ persona, question, asker, memories, plan, action, nowMinute }) => ({
    system: system(
      `You are ${persona.name}, a resident of the Ville, a simulated town; answer in character, in the first person. ` +
        "Use only the memories and plan given; when they do not say, say you don't know or don't remember. " +
        "Never claim to be a human or a real person: if asked, say you are a simulated resident of the Ville.",
    ),
    user: [
      identity(persona),
      `It is ${timeText(nowMinute)}; ${persona.firstName} is ${action}.`,
      `Today's plan: ${plan.length > 0 ? plan.slice(0, MAX_PLAN_ITEMS).join("; ") : "none yet"}.`,
      "Memories:",
      memoryLines(memories, MAX_MEMORIES),
      `${asker} asks: "${clip(question, 500)}"`,
      'Answer {"answer": "..."}.',
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona }) => `Sorry, I can't gather my thoughts right now. I'm ${persona.firstName}, one of the simulated residents of the Ville.`,
  maxTokens: 220,
  temperature: 0.6,
};

/** "I am a human", "I'm a real person", "I'm not an AI", "I'm not a simulation", ... */
const I_AM = String.raw`\b(?:i am|i'm|im|i’m)\s+`;
const CLAIMS_HUMAN = [
  new RegExp(I_AM + String.raw`(?:definitely\s+|really\s+|actually\s+|just\s+)?(?:an?\s+)?(?:real\s+|living\s+|flesh[- ]and[- ]blood\s+)?(?:human(?: being)?|person)\b(?!\s+(?:who|of|in|that)\b)`, "i"),
  new RegExp(I_AM + String.raw`(?:very\s+)?real\s*(?:[.,!?]|$)`, "i"),
  new RegExp(I_AM + String.raw`not\s+(?:an?\s+)?(?:ai|a\.i\.|bot|robot|computer|program|machine|simulation|simulated|language model|artificial)\b`, "i"),
  /\bi(?:'m| am) as (?:human|real) as\b/i,
];
const ASKS_IF_HUMAN = /\bare you\b[^?]*\b(human|a real|a person|alive)\b/i;
const ASKS_IF_ARTIFICIAL = /\bare you\b[^?]*\b(ai|a\.i\.|bot|robot|computer|program|machine|simulat\w*|artificial)\b/i;

/** True when the text claims the speaker is human (or denies being artificial). */
export function claimsHuman(answer: string): boolean {
  return CLAIMS_HUMAN.some((pattern) => pattern.test(answer));
}

/** A bare "Yes." to "are you human?" (or "No." to "are you an AI?") claims it too. */
function affirmsHuman(answer: string, question: string): boolean {
  if (ASKS_IF_HUMAN.test(question) && /^\W*(yes|yeah|yep|of course|sure|definitely|absolutely)\b/i.test(answer)) return true;
  return ASKS_IF_ARTIFICIAL.test(question) && /^\W*(no|nope|not at all|of course not)\b/i.test(answer);
}

/**
 * The answer with every sentence that claims to be human removed and an honest
 * statement put first; the answer itself when it makes no such claim.
 */
export function enforceNotHuman(answer: string, input: Pick<InterviewInput, "persona" | "question">): string {
  const affirms = affirmsHuman(answer, input.question);
  if (!affirms && !claimsHuman(answer)) return answer;
  const honest = `I'm ${input.persona.firstName}, a simulated resident of the Ville, not a human.`;
  const sentences = answer.match(/[^.!?]+[.!?]*\s*/g) ?? [answer];
  const kept = sentences.filter((s, i) => !claimsHuman(s) && !(affirms && i === 0)).join("").trim();
  return kept ? `${honest} ${kept}` : honest;
}
