/**
 * Daily plan: the day's broad outline, 5 to 8 items in order, each with its time.
 * Fallback: wake up, the persona's own daily requirement, and bed.
 */
import { z } from "zod";
import { parseLifestyle } from "../../sim/lifestyle";
import type { PromptUnit } from "../llm/prompt";
import type { DayContext } from "../mind";
import { textList } from "./fields";
import { dateText, identity, system, timeText } from "./persona";
import { allowedSectors } from "./places";

export type DailyPlanInput = DayContext & { wakeMinute: number };

const MAX_ITEMS = 8;
const ITEM_CHARS = 140;

const output = z.object({ plan: z.array(z.string()).min(1).max(MAX_ITEMS) });

const schema = z.object({ plan: textList(MAX_ITEMS, ITEM_CHARS) }).transform((a) => a.plan);

export const dailyPlanUnit: PromptUnit<DailyPlanInput, string[]> = {
  name: "daily_plan",
  build: ({ persona, dayStartMs, wakeMinute, known, memories }) => ({
    system: system("You imagine the daily life of a resident of a small town."),
    user: [
      identity(persona),
      `What ${persona.firstName} must do on a normal day: ${persona.dailyPlanRequirement}`,
      `Places ${persona.firstName} knows: ${allowedSectors(persona, known).join(", ") || "home only"}.`,
      `Today is ${dateText(dayStartMs)}; ${persona.firstName} wakes up at ${timeText(wakeMinute)}.`,
      ...(memories && memories.length > 0 ? [`${persona.firstName} remembers (fit these into today when they are for today):`, ...memories.slice(0, 8).map((m) => `- ${m.text}`)] : []),
      `Write ${persona.firstName}'s broad plan for today: 5 to 8 short items in order, each with its time and place, ` +
        `e.g. "have lunch at home at 12:00 pm". Answer {"plan": ["...", ...]}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona, wakeMinute }) => {
    const life = parseLifestyle(persona.lifestyle);
    const bed = life.ok ? life.value.bedMinute : 23 * 60;
    return [`wake up and get ready at ${timeText(wakeMinute)}`, persona.dailyPlanRequirement, `go to bed at ${timeText(bed)}`];
  },
  maxTokens: 260,
  temperature: 0.7,
};
