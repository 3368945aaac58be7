/**
 * Day plan: the wake-up time, the broad plan and the hour-by-hour schedule of a day in
 * one answer. Asked apart (wake_up, daily_plan, hourly_schedule) the identity and the
 * day's memories were read three times; the three parts are the same as those units
 * ask for and are checked the same way (the schedule by `toSchedule`). When a part
 * cannot be read, that part is asked on its own. Fallback: nothing (ask each apart).
 */
import { z } from "zod";
import type { PromptUnit } from "../llm/prompt";
import type { DayContext } from "../mind";
import { text, textList } from "./fields";
import { dateText, identity, system } from "./persona";
import { allowedSectors } from "./places";
import { readStart, SLEEPING, type TimedTask } from "./hourly-schedule";

const MAX_ITEMS = 8;
const ITEM_CHARS = 140;
const MAX_BLOCKS = 30;
const TASK_CHARS = 120;
export const MAX_DAY_MEMORIES = 8;

/** The parts of the answer that could be read; a missing one is asked apart. */
export interface DayDraft {
  wakeMinute?: number;
  plan?: string[];
  blocks?: TimedTask[];
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const output = z.object({
  wake: hhmm,
  plan: z.array(z.string()).min(1).max(MAX_ITEMS),
  blocks: z.array(z.object({ at: hhmm, task: z.string() })).min(2).max(MAX_BLOCKS),
});

const block = z
  .object({ at: z.union([z.string(), z.number()]), task: text(TASK_CHARS) })
  .transform((e) => ({ minute: readStart(e.at), task: e.task }));

const schema = z
  .object({ wake: z.union([z.string(), z.number()]).optional(), plan: z.unknown(), blocks: z.unknown() })
  .transform((a): DayDraft => {
    const wake = a.wake === undefined ? null : readStart(a.wake);
    const plan = textList(MAX_ITEMS, ITEM_CHARS).safeParse(a.plan);
    const listed = Array.isArray(a.blocks) ? a.blocks.slice(0, MAX_BLOCKS * 2) : [];
    const blocks = listed.map((b) => block.safeParse(b)).flatMap((r) => (r.success && r.data.minute !== null ? [r.data as TimedTask] : []));
    return {
      ...(wake !== null && wake < 1440 && { wakeMinute: wake }),
      ...(plan.success && { plan: plan.data }),
      ...(blocks.length >= 2 && { blocks }),
    };
  })
  .refine((d) => d.wakeMinute !== undefined && d.plan !== undefined, "expected a wake-up time (\"HH:MM\") and a plan");

export const dayPlanUnit: PromptUnit<DayContext, DayDraft> = {
  name: "day_plan",
  build: ({ persona, dayStartMs, known, memories }) => {
    const first = persona.firstName;
    return {
      system: system("You imagine the daily life of a resident of a small town."),
      user: [
        identity(persona),
        `What ${first} must do on a normal day: ${persona.dailyPlanRequirement}`,
        `Places ${first} knows: ${allowedSectors(persona, known).join(", ") || "home only"}.`,
        `Today is ${dateText(dayStartMs)}.`,
        ...(memories && memories.length > 0
          ? [`${first} remembers (fit these into today when they are for today):`, ...memories.slice(0, MAX_DAY_MEMORIES).map((m) => `- ${m.text}`)]
          : []),
        `Plan ${first}'s day: "wake", the time ${first} gets up; "plan", 5 to 8 short items in order with time and place ` +
          `("have lunch at home at 12:00 pm"); "blocks", the day from 00:00 with start times: "${SLEEPING}" until waking, one ` +
          `block per activity (30 to 180 minutes, naming the place), "${SLEEPING}" from bedtime. Times as 24-hour "HH:MM". ` +
          `Answer {"wake": "HH:MM", "plan": ["...", ...], "blocks": [{"at": "HH:MM", "task": "..."}]}.`,
      ].join("\n"),
    };
  },
  outputSchema: output,
  schema,
  fallback: () => ({}),
  maxTokens: 700,
  temperature: 0.6,
};
