/**
 * Wake-up: the minute of the day the agent gets up, read from its routine and today's
 * situation. Fallback: the wake-up time its lifestyle states (7 am if none).
 */
import { z } from "zod";
import { parseLifestyle } from "../../sim/lifestyle";
import type { PromptUnit } from "../llm/prompt";
import type { DayContext } from "../mind";
import { wholeNumber } from "./fields";
import { dateText, identity, system } from "./persona";

const DEFAULT_WAKE_MINUTE = 7 * 60;

const output = z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) });

const schema = z
  .object({ hour: wholeNumber(0, 23), minute: wholeNumber(0, 59).optional() })
  .transform((a) => a.hour * 60 + (a.minute ?? 0));

export const wakeUpUnit: PromptUnit<DayContext, number> = {
  name: "wake_up",
  build: ({ persona, dayStartMs }) => ({
    system: system("You imagine the daily life of a resident of a small town."),
    user: [
      identity(persona),
      `Today is ${dateText(dayStartMs)}.`,
      `At what time does ${persona.firstName} wake up today? Answer {"hour": 0-23, "minute": 0-59}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona }) => lifestyleWakeMinute(persona.lifestyle),
  maxTokens: 20,
  temperature: 0.3,
};

export function lifestyleWakeMinute(lifestyle: string): number {
  const read = parseLifestyle(lifestyle);
  return read.ok ? read.value.wakeMinute : DEFAULT_WAKE_MINUTE;
}
