/**
 * Hourly schedule: the day as blocks from midnight, asked as start times ("06:30")
 * rather than durations, so the answer cannot fail to cover the day: durations are the
 * gaps between starts and always sum to 1440. Everything before the wake-up minute is
 * "sleeping" (the original lost those hours on a retry; we do not).
 * Fallback: sleep until wake-up, the day's plan items spread over the waking hours.
 */
import { z } from "zod";
import { parseClockTime, parseLifestyle } from "../../sim/lifestyle";
import type { PromptUnit } from "../llm/prompt";
import type { DayContext, PlanBlock } from "../mind";
import { text } from "./fields";
import { briefIdentity, system } from "./persona";
import { allowedSectors } from "./places";

export type ScheduleInput = DayContext & { wakeMinute: number; dailyPlan: string[] };

export const SLEEPING = "sleeping";
const DAY_MINUTES = 1440;
const MAX_BLOCKS = 30;
const TASK_CHARS = 120;

/** One block as the model wrote it, with its start read as a minute of the day. */
export interface TimedTask {
  minute: number;
  task: string;
}

const output = z.object({
  blocks: z.array(z.object({ at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), task: z.string() })).min(2).max(MAX_BLOCKS),
});

const entry = z
  .object({ at: z.union([z.string(), z.number()]), task: text(TASK_CHARS) })
  .transform((e) => ({ minute: readStart(e.at), task: e.task }));

const schema = z
  .object({ blocks: z.array(z.unknown()).max(60) })
  .transform((a) => a.blocks.map((b) => entry.safeParse(b)).flatMap((r) => (r.success && r.data.minute !== null ? [r.data as TimedTask] : [])))
  .refine((blocks) => blocks.length >= 2, "expected at least two blocks with readable start times (\"HH:MM\")");

export const hourlyScheduleUnit: PromptUnit<ScheduleInput, TimedTask[]> = {
  name: "hourly_schedule",
  build: ({ persona, wakeMinute, dailyPlan, known }) => ({
    system: system("You imagine the daily life of a resident of a small town."),
    user: [
      briefIdentity(persona),
      `Routine: ${persona.lifestyle}.`,
      `Today's plan: ${dailyPlan.map((item, i) => `${i + 1}) ${item}`).join(" ")}`,
      `Places: ${allowedSectors(persona, known).join(", ") || "home only"}.`,
      `Write ${persona.firstName}'s schedule for today as blocks with 24-hour start times: "${SLEEPING}" at 00:00 until ` +
        `${hhmm(wakeMinute)}, then one block per activity (30 to 180 minutes, naming the place), and "${SLEEPING}" from bedtime. ` +
        `Answer {"blocks": [{"at": "HH:MM", "task": "..."}]}.`,
    ].join("\n"),
  }),
  outputSchema: output,
  schema,
  fallback: ({ persona, wakeMinute, dailyPlan }) => startsOf(spreadPlan(persona.lifestyle, wakeMinute, dailyPlan)),
  maxTokens: 420,
  temperature: 0.5,
};

/**
 * Timed tasks -> blocks covering the whole day: sorted by start, "sleeping" until the
 * wake-up minute (an activity running across it starts at it), repeats merged.
 * Minutes always sum to 1440 and every block has at least one minute.
 */
export function toSchedule(tasks: readonly TimedTask[], wakeMinute: number): PlanBlock[] {
  const wake = Math.max(0, Math.min(DAY_MINUTES - 1, Math.round(wakeMinute)));
  const sorted = tasks
    .map((t, i) => ({ minute: t.minute, task: isSleep(t.task) ? SLEEPING : t.task, i }))
    .filter((t) => t.minute >= 0 && t.minute < DAY_MINUTES)
    .sort((a, b) => a.minute - b.minute || a.i - b.i)
    .slice(0, MAX_BLOCKS);
  const awake = sorted.filter((t) => t.minute >= wake);
  const running = sorted.filter((t) => t.minute < wake && t.task !== SLEEPING).at(-1);
  if (running && awake[0]?.minute !== wake) awake.unshift({ ...running, minute: wake });
  const starts: TimedTask[] = [...(wake > 0 ? [{ minute: 0, task: SLEEPING }] : []), ...awake];
  if (starts.length === 0) return [{ task: SLEEPING, minutes: DAY_MINUTES }];
  return merge(starts.map((s, k) => ({ task: s.task, minutes: (starts[k + 1]?.minute ?? DAY_MINUTES) - s.minute })));
}

/** The fallback day: asleep until wake-up and after bedtime; plan items share the hours between. */
export function spreadPlan(lifestyle: string, wakeMinute: number, plan: readonly string[]): PlanBlock[] {
  const life = parseLifestyle(lifestyle);
  const wake = Math.max(0, Math.min(DAY_MINUTES - 60, Math.round(wakeMinute)));
  let bed = life.ok ? life.value.bedMinute : 23 * 60;
  if (bed <= wake) bed = DAY_MINUTES; // goes to bed after midnight: awake until the day ends
  const items = plan.length > 0 ? plan : ["go about the day"];
  const share = Math.floor((bed - wake) / items.length);
  const tasks: TimedTask[] = items.map((task, i) => ({ minute: wake + i * share, task }));
  if (bed < DAY_MINUTES) tasks.push({ minute: bed, task: SLEEPING });
  return toSchedule(tasks, wake);
}

/** Blocks -> their start minutes (the inverse of `toSchedule` for a full day). */
export function startsOf(blocks: readonly PlanBlock[]): TimedTask[] {
  let minute = 0;
  return blocks.map((b) => {
    const start = { minute, task: b.task };
    minute += b.minutes;
    return start;
  });
}

export function isSleep(task: string): boolean {
  return /^\s*(sleep|sleeping|asleep)\b/i.test(task);
}

/** "6:30", "06:30", "6", 6, "6:30 am", "7pm" -> minute of the day; null when unreadable. */
export function readStart(at: string | number): number | null {
  if (typeof at === "number") return Number.isInteger(at) && at >= 0 && at <= 24 ? at * 60 : null;
  const s = at.trim().toLowerCase();
  if (/[ap]\.?m\.?$/.test(s)) return parseClockTime(s);
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2] ?? 0);
  return Number(m[2] ?? 0) < 60 && minute <= DAY_MINUTES ? minute : null;
}

function merge(blocks: PlanBlock[]): PlanBlock[] {
  const out: PlanBlock[] = [];
  for (const b of blocks) {
    if (b.minutes <= 0) continue;
    const last = out.at(-1);
    if (last && last.task === b.task) last.minutes += b.minutes;
    else out.push({ ...b });
  }
  return out;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
